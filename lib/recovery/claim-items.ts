import type { Db } from "../db/client";
import {
  claimedWebhook,
  claimedWebhookSql,
  type ClaimedWebhook,
  type ClaimedWebhookRow,
} from "../dispatch/claimed-webhook";
import type { ClaimOptions } from "../dispatch/claim-due";

export type ClaimedItem = ClaimedWebhook & {
  recoveryId: string;
  deliveryId: string;
  orgId: string;
  webhookId: string;
  eventType: string;
  body: Buffer;
};

/**
 * Claims up to `limit` pending items of running recoveries for this worker and marks them
 * `sending` under a lease in the same statement, so an item is handed out once; only when its
 * worker dies before recording the attempt is it handed out again (see sweepInterrupted). Items
 * of disabled webhooks wait.
 * At most `perWebhook` items of one webhook are in flight in this worker, counting `inFlight`.
 */
export async function claimRecoveryItems(
  db: Db,
  options: Omit<ClaimOptions, "perOrg" | "orgInFlight">,
): Promise<ClaimedItem[]> {
  const { rows } = await db.pool.query<
    ClaimedWebhookRow & {
      recovery_id: string;
      id: string;
      org_id: string;
      webhook_id: string;
      event_type: string;
      body: Buffer;
    }
  >(
    `WITH busy AS (
       SELECT * FROM unnest($5::text[], $7::int[]) AS b(webhook_id, in_flight)
     ), candidate AS (
       SELECT i.recovery_id, i.delivery_id, i.webhook_id FROM recovery_items i
         JOIN recoveries r ON r.id = i.recovery_id AND r.status = 'running'
         JOIN webhooks w ON w.id = i.webhook_id AND w.enabled
        WHERE i.state = 'pending'
          AND i.webhook_id NOT IN (SELECT webhook_id FROM busy WHERE in_flight >= $4)
        ORDER BY i.recovery_id, i.delivery_id
        LIMIT $2 * 4
        FOR UPDATE OF i SKIP LOCKED
     ), chosen AS (
       SELECT recovery_id, delivery_id FROM (
         SELECT c.*, coalesce(busy.in_flight, 0) AS in_flight,
                row_number() OVER (PARTITION BY c.webhook_id ORDER BY c.delivery_id) AS nth
           FROM candidate c LEFT JOIN busy ON busy.webhook_id = c.webhook_id
       ) ranked
        WHERE nth + in_flight <= $4
        LIMIT $2
     )
     UPDATE recovery_items i
        SET state = 'sending', lease_owner = $3,
            lease_expires_at = $1::timestamptz + make_interval(secs => $6::double precision / 1000)
       FROM chosen, deliveries d, webhooks w, events e
      WHERE i.recovery_id = chosen.recovery_id AND i.delivery_id = chosen.delivery_id
        AND d.id = i.delivery_id AND w.id = d.webhook_id AND e.id = d.event_id
     RETURNING i.recovery_id, d.id, d.org_id, d.webhook_id, d.event_type, e.body, ${claimedWebhookSql("$1")}`,
    [
      options.now,
      options.limit,
      options.workerId,
      options.perWebhook,
      [...options.inFlight.keys()],
      options.leaseMs,
      [...options.inFlight.values()],
    ],
  );
  return rows.map((row) => ({
    recoveryId: row.recovery_id,
    deliveryId: row.id,
    orgId: row.org_id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    body: row.body,
    ...claimedWebhook(row),
  }));
}

/** Records an item's outcome (only while this worker still holds it). */
export async function finishRecoveryItem(
  db: Db,
  item: { recoveryId: string; deliveryId: string },
  outcome: { ok: boolean; requestId: string; workerId: string },
): Promise<void> {
  await db.pool.query(
    `UPDATE recovery_items SET state = $3::"RecoveryItemState", request_id = $4, lease_owner = NULL, lease_expires_at = NULL
      WHERE recovery_id = $1 AND delivery_id = $2 AND state = 'sending' AND lease_owner = $5`,
    [item.recoveryId, item.deliveryId, outcome.ok ? "succeeded" : "failed", outcome.requestId, outcome.workerId],
  );
}
