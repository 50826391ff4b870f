import type { Db } from "../db/client";
import { validSecretSql } from "../signing/valid-secrets";

export type ClaimedDelivery = {
  id: string;
  orgId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  url: string;
  body: Buffer;
  scheduledAttempts: number;
  /** The W3C traceparent of the event's request when tracing was on. */
  traceparent: string | null;
  /** The webhook's valid signing secrets, encrypted, newest first (read with the claim). */
  secretsEncrypted: string[];
  /** The webhook's policy (see lib/webhook-policy/), read with the claim like its secrets. */
  retrySchedule: string | null;
  rateLimitPerSecond: number | null;
  customHeadersEncrypted: string | null;
  /** Whether its latest attempts failed (lib/endpoint-health/auto-disable.ts). */
  failing: boolean;
  /** "endpoint", or "alerts" for an alert destination (no alerts about alerts). */
  purpose: string;
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
  const { rows } = await db.pool.query<{
    id: string;
    org_id: string;
    webhook_id: string;
    event_id: string;
    event_type: string;
    url: string;
    body: Buffer;
    scheduled_attempts: number;
    traceparent: string | null;
    /** Space-separated (ciphertexts have no spaces): cheaper to read than a text[]. */
    secrets: string | null;
    retry_schedule: string | null;
    rate_limit_per_second: number | null;
    custom_headers_encrypted: string | null;
    failing: boolean;
    purpose: string;
  }>(
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
       SELECT id FROM (
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
     RETURNING d.id, d.org_id, d.webhook_id, d.event_id, d.event_type, w.url, e.body, d.scheduled_attempts, e.traceparent,
       w.retry_schedule, w.rate_limit_per_second, w.custom_headers_encrypted, w.failing_since IS NOT NULL AS failing, w.purpose,
       (SELECT string_agg(s.secret_encrypted, ' ' ORDER BY s.created_at DESC, s.id DESC) FROM signing_secrets s
         WHERE s.webhook_id = d.webhook_id AND ${validSecretSql("s", "$1")}) AS secrets`,
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
  return rows.map((row) => ({
    id: row.id,
    orgId: row.org_id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    url: row.url,
    body: row.body,
    scheduledAttempts: row.scheduled_attempts,
    traceparent: row.traceparent,
    secretsEncrypted: row.secrets ? row.secrets.split(" ") : [],
    retrySchedule: row.retry_schedule,
    rateLimitPerSecond: row.rate_limit_per_second,
    customHeadersEncrypted: row.custom_headers_encrypted,
    failing: row.failing,
    purpose: row.purpose,
  }));
}
