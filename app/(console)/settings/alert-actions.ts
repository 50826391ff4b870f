"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAlertDestination } from "@/lib/alerts/destinations";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { formFields, type ActionState } from "@/lib/forms/action-state";
import { createWebhookInput } from "@/lib/webhooks/schemas";

const input = z.object({ url: createWebhookInput.shape.url });

/** Adds an alert destination: the org's operational events are signed and sent to it. */
export async function addAlertDestinationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formFields(formData, ["url"]);
  const parsed = input.safeParse(values);
  if (!parsed.success) return { status: "error", fields: { url: parsed.error.issues[0].message }, values };
  return asCaller(async (caller) => {
    await createAlertDestination(getAppContext(), caller, { url: parsed.data.url });
    revalidatePath("/settings");
    revalidatePath("/webhooks");
    return { status: "ok", message: "Alert destination added. Its signing secret is on its Signing tab." };
  }, values);
}
