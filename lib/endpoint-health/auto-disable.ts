import { recordAudit } from "../audit/record";
import { systemCaller } from "../auth/caller";
import { emitOperationalEvent } from "../alerts/emit";
import { noteDeliveryExhausted } from "../alerts/exhausted";
import type { Db } from "../db/client";

// Auto-disable: stop hammering an endpoint that is gone. A 410 Gone disables it at once; a run of
// failed attempts lasting `windowMs` with at least MIN_FAILURES in it disables it too. Each
// webhook keeps the start of its current failing run and its length, reset by any success, so the
// check is one row update rather than a scan of the attempt log.

export const MIN_FAILURES_TO_DISABLE = 10;

export type DisabledReason = "gone" | "failing" | "manual";

export type EndpointOutcome = {
  webhookId: string;
  ok: boolean;
  status: number | null;
  at: Date;
  /** Whether the webhook was failing when the attempt was claimed: a success then ends the run. */
  wasFailing: boolean;
  /** NOVAVMS_AUTO_DISABLE_AFTER in ms; 0 never disables for failing (410 still does). */
  windowMs: number;
  /** Set when this attempt gave the delivery up (it became Failed): delivery.exhausted is due. */
  exhaustedInOrg?: string;
};

/** Records the attempt's outcome on its webhook; returns the reason when it disabled the webhook. */
export async function noteEndpointOutcome(db: Db, outcome: EndpointOutcome): Promise<DisabledReason | null> {
  if (outcome.exhaustedInOrg) {
    await noteDeliveryExhausted(db, { orgId: outcome.exhaustedInOrg, webhookId: outcome.webhookId, at: outcome.at });
  }
  if (outcome.ok) {
    if (outcome.wasFailing) {
      await db.pool.query(
        `UPDATE webhooks SET failing_since = NULL, failing_attempts = 0 WHERE id = $1 AND failing_since IS NOT NULL`,
        [outcome.webhookId],
      );
    }
    return null;
  }
  const { rows } = await db.pool.query<{ failing_since: Date; failing_attempts: number; enabled: boolean }>(
    `UPDATE webhooks SET failing_since = coalesce(failing_since, $2), failing_attempts = failing_attempts + 1
      WHERE id = $1 RETURNING failing_since, failing_attempts, enabled`,
    [outcome.webhookId, outcome.at],
  );
  const row = rows[0];
  if (!row || !row.enabled) return null;
  const reason: DisabledReason | null =
    outcome.status === 410
      ? "gone"
      : outcome.windowMs > 0 &&
          row.failing_attempts >= MIN_FAILURES_TO_DISABLE &&
          outcome.at.getTime() - row.failing_since.getTime() >= outcome.windowMs
        ? "failing"
        : null;
  if (!reason) return null;
  return (await disableEndpoint(db, outcome.webhookId, reason, outcome.at)) ? reason : null;
}

/**
 * Disables the webhook for `reason` unless it already is, parking its queued deliveries exactly
 * as a manual disable does (enabling sends them). Returns whether this call disabled it.
 */
export async function disableEndpoint(db: Db, webhookId: string, reason: DisabledReason, at: Date): Promise<boolean> {
  const disabled = await db.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { orgId: true, url: true } });
    if (!webhook) return null;
    const { count } = await tx.webhook.updateMany({
      where: { id: webhookId, enabled: true },
      data: { enabled: false, disabledReason: reason, disabledAt: at },
    });
    if (count === 0) return null;
    await tx.delivery.updateMany({
      where: { webhookId, status: { in: ["pending", "retrying"] } },
      data: { nextAttemptAt: null },
    });
    await recordAudit(tx, {
      orgId: webhook.orgId,
      actor: systemCaller(webhook.orgId),
      action: "webhook.auto_disable",
      targetType: "webhook",
      targetId: webhookId,
      details: { reason },
    });
    return webhook;
  });
  if (!disabled) return false;
  await emitOperationalEvent(
    db,
    {
      orgId: disabled.orgId,
      type: "endpoint.disabled",
      data: { webhook_id: webhookId, url: disabled.url, reason, disabled_at: at.toISOString() },
      sourceWebhookId: webhookId,
    },
    at,
  );
  return true;
}
