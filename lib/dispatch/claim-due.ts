import type { Db } from "../db/client";
import { claimedWebhook, claimedWebhookSql, type ClaimedWebhook, type ClaimedWebhookRow } from "./claimed-webhook";

export type ClaimedDelivery = ClaimedWebhook & {
  id: string;
  orgId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  body: Buffer;
  scheduledAttempts: number;
  /** The W3C traceparent of the event's request when tracing was on. */
  traceparent: string | null;
};

export type ClaimOptions = {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
  /** At most this many attempts of one webhook in flight in the claiming worker. */
  perWebhook: number;
  /** Attempts the claiming worker already has in flight, per webhook. */
  inFlight: Map<string, number>;
  /** At most this many attempts of one org in flight in the claiming worker (default: no cap). */
  perOrg?: number;
  /** Attempts the claiming worker already has in flight, per org. */
  orgInFlight?: Map<string, number>;
};

/**
 * Due deliveries each org brings into every claim besides the oldest overall: an org with a huge
 * backlog fills the oldest rows, so every other org's due deliveries must be reached another way.
 */
const ORG_HEAD_SIZE = 4;

/**
 * Leases up to `limit` due deliveries to this worker, taking turns across orgs: every org's
 * oldest due delivery comes before any org's second, so one org's backlog, however large, delays
 * another org's fresh event by one claim at most (while fewer than `limit` orgs have any due), and
 * `perOrg` keeps the rest of the worker's slots for the other orgs. `FOR UPDATE SKIP LOCKED` lets any number of
 * workers claim at once without waiting on or double-claiming each other's rows; the lease makes a
 * crashed worker's deliveries due again once it expires.
 *
 * The turns cost one index descent per org that has unsettled deliveries, whatever the number of
 * orgs on the platform: `unsettled_orgs` walks the (org_id, next_attempt_at) index from one org to
 * the next (a skip scan). Each org's head is read from that index by a row comparison, which no
 * other index can serve: with `org_id = …` the planner may read the due index instead and filter
 * it by org, which for a quiet org means reading through another org's whole backlog
 * (lib/dispatch/claim-orgs.test.ts).
 */
export async function claimDueDeliveries(db: Db, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const { rows } = await db.pool.query<
    ClaimedWebhookRow & {
      id: string;
      org_id: string;
      webhook_id: string;
      event_id: string;
      event_type: string;
      body: Buffer;
      scheduled_attempts: number;
      traceparent: string | null;
      org_turn: number;
      next_attempt_at: Date;
    }
  >(
    `WITH RECURSIVE busy AS (
       SELECT * FROM unnest($5::text[], $7::int[]) AS b(webhook_id, in_flight)
     ), oldest AS (
       SELECT id, org_id, webhook_id, next_attempt_at FROM deliveries
        WHERE next_attempt_at <= $1
          AND (lease_expires_at IS NULL OR lease_expires_at <= $1)
          AND webhook_id NOT IN (SELECT webhook_id FROM busy WHERE in_flight >= $4)
          AND webhook_id IN (SELECT id FROM webhooks WHERE enabled)
        ORDER BY next_attempt_at
        LIMIT $2 * 4
        FOR UPDATE SKIP LOCKED
     ), unsettled_orgs AS (
       (SELECT org_id FROM deliveries WHERE next_attempt_at IS NOT NULL ORDER BY org_id, next_attempt_at LIMIT 1)
       UNION ALL
       SELECT (SELECT d.org_id FROM deliveries d
                WHERE d.next_attempt_at IS NOT NULL AND d.org_id > u.org_id
                ORDER BY d.org_id, d.next_attempt_at LIMIT 1)
         FROM unsettled_orgs u WHERE u.org_id IS NOT NULL
     ), org_heads AS (
       SELECT head.* FROM unsettled_orgs o CROSS JOIN LATERAL (
         SELECT id, org_id, webhook_id, next_attempt_at FROM deliveries
          WHERE (org_id, next_attempt_at) >= (o.org_id, '-infinity'::timestamptz)
            AND (org_id, next_attempt_at) <= (o.org_id, $1::timestamptz) AND next_attempt_at IS NOT NULL
            AND (lease_expires_at IS NULL OR lease_expires_at <= $1)
            AND webhook_id NOT IN (SELECT webhook_id FROM busy WHERE in_flight >= $4)
            AND webhook_id IN (SELECT id FROM webhooks WHERE enabled)
          ORDER BY org_id, next_attempt_at
          LIMIT $8
          FOR UPDATE SKIP LOCKED
       ) head
     ), candidate AS (
       SELECT * FROM oldest UNION SELECT * FROM org_heads
     ), org_busy AS (
       SELECT * FROM unnest($9::text[], $10::int[]) AS b(org_id, in_flight)
     ), chosen AS (
       SELECT id, org_turn::int AS org_turn FROM (
         SELECT id, org_id, next_attempt_at, row_number() OVER (PARTITION BY org_id ORDER BY next_attempt_at, id) AS org_turn
           FROM (
             SELECT c.id, c.org_id, c.next_attempt_at, coalesce(busy.in_flight, 0) AS in_flight,
                    row_number() OVER (PARTITION BY c.webhook_id ORDER BY c.next_attempt_at, c.id) AS nth
               FROM candidate c LEFT JOIN busy ON busy.webhook_id = c.webhook_id
           ) ranked
          WHERE nth + in_flight <= $4
       ) turns
        WHERE org_turn + coalesce((SELECT in_flight FROM org_busy WHERE org_busy.org_id = turns.org_id), 0) <= $11
        ORDER BY org_turn, next_attempt_at
        LIMIT $2
     )
     UPDATE deliveries d
        SET lease_owner = $3, lease_expires_at = $1::timestamptz + make_interval(secs => $6::double precision / 1000)
       FROM chosen, webhooks w, events e
      WHERE d.id = chosen.id AND w.id = d.webhook_id AND e.id = d.event_id
     RETURNING chosen.org_turn, d.next_attempt_at, d.id, d.org_id, d.webhook_id, d.event_id, d.event_type, e.body, d.scheduled_attempts, e.traceparent,
       ${claimedWebhookSql("$1")}`,
    [
      options.now,
      options.limit,
      options.workerId,
      options.perWebhook,
      [...options.inFlight.keys()],
      options.leaseMs,
      [...options.inFlight.values()],
      ORG_HEAD_SIZE,
      [...(options.orgInFlight?.keys() ?? [])],
      [...(options.orgInFlight?.values() ?? [])],
      options.perOrg ?? 2_147_483_647,
    ],
  );
  // In the claim's turns, the order the worker starts them in: every org's oldest before any org's
  // second, so a quiet org's delivery is not sent after a whole claim of another org's backlog.
  rows.sort((a, b) => a.org_turn - b.org_turn || a.next_attempt_at.getTime() - b.next_attempt_at.getTime());
  return rows.map((row) => ({
    id: row.id,
    orgId: row.org_id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    body: row.body,
    scheduledAttempts: row.scheduled_attempts,
    traceparent: row.traceparent,
    ...claimedWebhook(row),
  }));
}
