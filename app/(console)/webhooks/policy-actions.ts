"use server";

import { revalidatePath } from "next/cache";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import type { ActionState } from "@/lib/forms/action-state";
import { parsePolicyForm } from "@/lib/webhook-policy/form";
import { webhookIdParam } from "@/lib/webhooks/form";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

/** Saves the Settings tab's Delivery policy: retry schedule, rate limit and custom headers. */
export async function updatePolicyAction(
  webhookId: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return { status: "error", message: "Webhook not found." };
  const parsed = parsePolicyForm(formData);
  if (!parsed.ok) return parsed.state;
  return asCaller(async (caller) => {
    await updateWebhook(getAppContext(), caller, { webhookId: id.data, changes: parsed.data });
    revalidatePath(`/webhooks/${id.data}`, "layout");
    return { status: "ok", message: "Delivery policy saved.", values: parsed.values };
  }, parsed.values);
}
