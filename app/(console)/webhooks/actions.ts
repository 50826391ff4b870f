"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";
import { parseWebhookForm, rotateSecretForm, webhookIdParam } from "@/lib/webhooks/form";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { revealSigningSecret } from "@/lib/webhooks/reveal-secret";
import { rotateSigningSecret } from "@/lib/signing/rotate-secret";
import { createWebhookInput, updateWebhookInput } from "@/lib/webhooks/schemas";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

// Every action: validate, then asCaller(): call lib/ as the signed-in user (lib/ refuses a viewer,
// shown inline), revalidate. The webhook id is a bound argument that a caller can forge, so it is
// validated like any input, and lib/ looks it up within the caller's org only.

const NOT_FOUND: ActionState = { status: "error", message: "Webhook not found." };

export async function createWebhookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseWebhookForm(formData, createWebhookInput, { withEnabled: true });
  if (!parsed.ok) return parsed.state;
  return asCaller(async (caller) => {
    const { id } = await createWebhook(getAppContext(), caller, parsed.data);
    revalidatePath("/webhooks");
    redirect(`/webhooks/${id}`);
  }, parsed.values);
}

export async function updateWebhookAction(
  webhookId: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  const parsed = parseWebhookForm(formData, updateWebhookInput, { withEnabled: false });
  if (!parsed.ok) return parsed.state;
  return asCaller(async (caller) => {
    await updateWebhook(getAppContext(), caller, { webhookId: id.data, changes: parsed.data });
    revalidateWebhook(id.data);
    return { status: "ok", message: "Changes saved.", values: parsed.values };
  }, parsed.values);
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success || typeof enabled !== "boolean") return NOT_FOUND;
  return asCaller(async (caller) => {
    await updateWebhook(getAppContext(), caller, { webhookId: id.data, changes: { enabled } });
    revalidateWebhook(id.data);
    return {
      status: "ok",
      message: enabled
        ? "Webhook enabled. Deliveries queued while it was disabled are being sent now."
        : "Webhook disabled. New events are not delivered to it, and queued deliveries wait until you enable it again.",
    };
  });
}

export async function deleteWebhookAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    await deleteWebhook(getAppContext(), caller, { webhookId: id.data });
    revalidatePath("/webhooks");
    redirect("/webhooks?deleted=1");
  });
}

export async function sendTestEventAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    const { deliveryId } = await sendTestEvent(getAppContext(), caller, { webhookId: id.data });
    revalidateWebhook(id.data);
    return { status: "ok", message: "Test event sent", value: deliveryId };
  });
}

export async function revealSigningSecretAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asCaller(async (caller) => {
    return { status: "ok", value: await revealSigningSecret(getAppContext(), caller, { webhookId: id.data }) };
  });
}

export async function rotateSigningSecretAction(
  webhookId: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  const parsed = rotateSecretForm.safeParse(formFields(formData, ["grace_period_seconds"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asCaller(async (caller) => {
    const graceSeconds = parsed.data.grace_period_seconds;
    const signing = await rotateSigningSecret(getAppContext(), caller, { webhookId: id.data, graceSeconds });
    revalidatePath(`/webhooks/${id.data}/signing`);
    return {
      status: "ok",
      message:
        graceSeconds > 0
          ? "New signing secret created. Deliveries are signed with both secrets until the previous one expires: update your endpoint before then."
          : "New signing secret created. The previous secret no longer verifies deliveries: update your endpoint now.",
      value: signing.secret,
    };
  });
}

function revalidateWebhook(id: string): void {
  revalidatePath("/webhooks");
  revalidatePath(`/webhooks/${id}`, "layout");
}
