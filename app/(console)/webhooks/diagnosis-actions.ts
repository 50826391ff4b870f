"use server";

import { revalidatePath } from "next/cache";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { checkEndpoint } from "@/lib/endpoint-check/run-check";
import type { CheckResult } from "@/lib/endpoint-check/types";
import type { ActionState } from "@/lib/forms/action-state";
import { endGracePeriod } from "@/lib/secret-check/end-grace-period";
import { verifyNewSecret, type SecretVerification } from "@/lib/secret-check/verify-new-secret";
import { webhookIdParam } from "@/lib/webhooks/form";

// Check endpoint, Verify new secret and End grace period now, from the console: the webhook id is
// a bound argument a caller can forge, so it is validated, and lib/ authorizes the caller and
// looks it up in the caller's org only.

export type CheckState = ActionState & { result?: CheckResult };
export type VerifyState = ActionState & { verification?: SecretVerification };

const NOT_FOUND = { status: "error", message: "Webhook not found." } as const;

export async function checkEndpointAction(webhookId: string): Promise<CheckState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    const result = await checkEndpoint(getAppContext(), caller, { webhookId: id.data });
    revalidatePath(`/webhooks/${id.data}`, "layout");
    revalidatePath("/deliveries");
    return { status: "ok", result };
  });
}

export async function verifyNewSecretAction(webhookId: string): Promise<VerifyState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    const verification = await verifyNewSecret(getAppContext(), caller, { webhookId: id.data });
    revalidatePath(`/webhooks/${id.data}`, "layout");
    return { status: "ok", verification };
  });
}

export async function endGracePeriodAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    const { expired } = await endGracePeriod(getAppContext(), caller, { webhookId: id.data });
    revalidatePath(`/webhooks/${id.data}/signing`);
    return {
      status: "ok",
      message:
        expired > 0
          ? "Grace period ended: only the new secret signs deliveries from now on."
          : "No previous secret was still valid: only the new secret signs deliveries.",
    };
  });
}
