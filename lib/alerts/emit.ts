import type { Db } from "../db/client";
import { announceDeliveriesDue } from "../dispatch/wake";
import { idTimePrefix, newId } from "../ids";
import { emailAdmins } from "./email";
import { ALERTS_PURPOSE, type OperationalEventType } from "./types";

/**
 * Sends an operational event to the org's alert destinations: one event and one pending delivery
 * per enabled destination, in one statement, so the same dispatcher signs, sends, retries and logs
 * them like any delivery. Never to the webhook that caused the event. Emails the admins too when
 * email is configured. Returns the deliveries created.
 */
export async function emitOperationalEvent(
  db: Db,
  input: { orgId: string; type: OperationalEventType; data: Record<string, unknown>; sourceWebhookId?: string | null },
  now = new Date(),
): Promise<number> {
  const id = newId("evt", now.getTime());
  const body = Buffer.from(JSON.stringify({ id, type: input.type, created_at: now.toISOString(), data: input.data }));
  const { rows } = await db.pool.query<{ n: number }>(
    `WITH event AS (
       INSERT INTO events (id, org_id, type, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
     ), delivery AS (
       INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
       SELECT $6 || left(md5(gen_random_uuid()::text), 16), $2, w.id, event.id, $3, 'pending', $5, $5, $5
         FROM event, webhooks w
        WHERE w.org_id = $2 AND w.enabled AND w.purpose = $7 AND w.id IS DISTINCT FROM $8
          AND (cardinality(w.event_types) = 0 OR $3 = ANY(w.event_types))
       RETURNING id
     )
     SELECT count(*)::int AS n FROM delivery`,
    [
      id,
      input.orgId,
      input.type,
      body,
      now,
      idTimePrefix("dlv", now.getTime()),
      ALERTS_PURPOSE,
      input.sourceWebhookId ?? null,
    ],
  );
  if (rows[0].n > 0) await announceDeliveriesDue(db);
  await emailAdmins(db, input.orgId, input.type, input.data).catch(() => false);
  return rows[0].n;
}
