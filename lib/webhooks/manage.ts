import type { Actor } from "../audit/record";
import { recordAudit } from "../audit/record";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { newId } from "../ids";
import { generateSigningSecret } from "../signing/secret";
import { encryptCustomHeaders } from "../webhook-policy/custom-headers";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schemas";

/** A new webhook with its first signing secret. */
export async function createWebhook(db: Db, cipher: Cipher, orgId: string, input: CreateWebhookInput, actor: Actor) {
  const id = newId("wh");
  return db.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.create({
      data: {
        id,
        orgId,
        url: input.url,
        description: input.description,
        eventTypes: input.event_types,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "manual",
        disabledAt: input.enabled ? null : new Date(),
        ...policyData(cipher, input),
        purpose: input.purpose,
      },
    });
    await tx.signingSecret.create({
      data: { id: newId("whs"), webhookId: id, secretEncrypted: cipher.encrypt(generateSigningSecret()) },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "webhook.create",
      targetType: "webhook",
      targetId: id,
      details: { url: input.url, ...auditPolicy(input) },
    });
    return webhook;
  });
}

/**
 * Changes a webhook of the org. Disabling parks its queued deliveries (no next attempt time);
 * enabling makes the parked ones due now, so nothing queued is lost either way.
 */
export async function updateWebhook(
  db: Db,
  orgId: string,
  id: string,
  input: UpdateWebhookInput,
  actor: Actor,
  now = new Date(),
  cipher?: Cipher,
) {
  if (input.headers !== undefined && !cipher) throw new Error("updating custom headers needs the cipher");
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, orgId },
      data: {
        url: input.url,
        description: input.description,
        eventTypes: input.event_types,
        enabled: input.enabled,
        ...enabledChange(input.enabled, now),
        ...policyData(cipher, input),
      },
    });
    if (count === 0) throw new NotFoundError("Webhook");
    if (input.enabled === false) {
      await tx.delivery.updateMany({
        where: { webhookId: id, orgId, status: { in: ["pending", "retrying"] } },
        data: { nextAttemptAt: null },
      });
    } else if (input.enabled === true) {
      await tx.delivery.updateMany({
        where: { webhookId: id, orgId, status: { in: ["pending", "retrying"] }, nextAttemptAt: null },
        data: { nextAttemptAt: now },
      });
    }
    await recordAudit(tx, {
      orgId,
      actor,
      action: "webhook.update",
      targetType: "webhook",
      targetId: id,
      details: { ...input, ...auditPolicy(input) },
    });
    return tx.webhook.findUniqueOrThrow({ where: { id } });
  });
}

/** Deletes a webhook of the org with its secrets, deliveries and attempts. */
export async function deleteWebhook(db: Db, orgId: string, id: string, actor: Actor): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id, orgId } });
    if (count === 0) throw new NotFoundError("Webhook");
    // Items of org-wide recoveries that pointed at its deliveries (their own recoveries cascade).
    await tx.recoveryItem.deleteMany({ where: { webhookId: id } });
    await recordAudit(tx, { orgId, actor, action: "webhook.delete", targetType: "webhook", targetId: id });
  });
}

// Manual disable records why; enabling clears the reason and the failing run, so an endpoint that
// was auto-disabled gets a fresh window.
function enabledChange(enabled: boolean | undefined, now: Date) {
  if (enabled === false) return { disabledReason: "manual", disabledAt: now };
  if (enabled === true) return { disabledReason: null, disabledAt: null, failingSince: null, failingAttempts: 0 };
  return {};
}

function policyData(cipher: Cipher | undefined, input: Partial<CreateWebhookInput>) {
  return {
    retrySchedule: input.retry_schedule,
    rateLimitPerSecond: input.rate_limit_per_second,
    customHeadersEncrypted:
      input.headers === undefined || !cipher ? undefined : encryptCustomHeaders(cipher, input.headers),
    customHeaderNames: input.headers?.map((header) => header.name),
  };
}

// Header values may be secrets: the audit log keeps their names only.
function auditPolicy(input: Partial<CreateWebhookInput>) {
  return input.headers === undefined ? {} : { headers: input.headers.map((header) => header.name) };
}
