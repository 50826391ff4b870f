"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asAdmin } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/sessions";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";
import { parseWebhookForm, rotateSecretForm, webhookIdParam } from "@/lib/webhooks/form";
import { createWebhook, deleteWebhook, updateWebhook } from "@/lib/webhooks/manage";
import { revealSigningSecret } from "@/lib/webhooks/reveal-secret";
import { rotateSigningSecret } from "@/lib/signing/rotate-secret";
import { createWebhookInput, updateWebhookInput } from "@/lib/webhooks/schemas";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

// Every action: validate, then asAdmin() (a viewer gets an inline refusal): call lib/ with the
// admin's own org, revalidate. The webhook id is a bound argument that a caller can forge, so it
// is validated like any input, and lib/ looks it up within the admin's org only.

const NOT_FOUND: ActionState = { status: "error", message: "Webhook not found." };

export async function createWebhookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseWebhookForm(formData, createWebhookInput, { withEnabled: true });
  if (!parsed.ok) return parsed.state;
  return asAdmin(async (admin) => {
    const { db, cipher } = getAppContext();
    const { id } = await createWebhook(db, cipher, admin.orgId, parsed.data, actorOf(admin));
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
  return asAdmin(async (admin) => {
    await updateWebhook(getAppContext().db, admin.orgId, id.data, parsed.data, actorOf(admin));
    revalidateWebhook(id.data);
    return { status: "ok", message: "Changes saved.", values: parsed.values };
  }, parsed.values);
}

export async function setWebhookEnabledAction(webhookId: string, enabled: boolean): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success || typeof enabled !== "boolean") return NOT_FOUND;
  return asAdmin(async (admin) => {
    await updateWebhook(getAppContext().db, admin.orgId, id.data, { enabled }, actorOf(admin));
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
  return asAdmin(async (admin) => {
    await deleteWebhook(getAppContext().db, admin.orgId, id.data, actorOf(admin));
    revalidatePath("/webhooks");
    redirect("/webhooks?deleted=1");
  });
}

export async function sendTestEventAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asAdmin(async (admin) => {
    const { deliveryId } = await sendTestEvent(getAppContext().db, {
      orgId: admin.orgId,
      webhookId: id.data,
      actor: actorOf(admin),
    });
    revalidateWebhook(id.data);
    return { status: "ok", message: "Test event sent", value: deliveryId };
  });
}

export async function revealSigningSecretAction(webhookId: string): Promise<ActionState> {
  const id = webhookIdParam.safeParse(webhookId);
  if (!id.success) return NOT_FOUND;
  return asAdmin(async (admin) => {
    const { db, cipher } = getAppContext();
    return {
      status: "ok",
      value: await revealSigningSecret(db, cipher, { orgId: admin.orgId, webhookId: id.data, actor: actorOf(admin) }),
    };
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
  return asAdmin(async (admin) => {
    const { db, cipher } = getAppContext();
    const graceSeconds = parsed.data.grace_period_seconds;
    const signing = await rotateSigningSecret(db, cipher, {
      orgId: admin.orgId,
      webhookId: id.data,
      graceSeconds,
      actor: actorOf(admin),
    });
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

/** The audit log's name for a console user. */
function actorOf(user: SessionUser): string {
  return `user:${user.id}`;
}

function revalidateWebhook(id: string): void {
  revalidatePath("/webhooks");
  revalidatePath(`/webhooks/${id}`, "layout");
}
