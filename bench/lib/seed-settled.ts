import pg from "pg";
import { idTimePrefix } from "../../lib/ids";
import { bulkLoad, DELIVERY_TABLES } from "./bulk-load";

// History for the "flat at scale" scenario: `deliveries` settled deliveries of one org over its
// webhooks, each with the one attempt that settled it, written server-side with INSERT … SELECT
// generate_series (no rows cross the wire). The rows are what the dispatcher leaves behind
// (lib/attempts/record-attempt.ts): status succeeded (19 in 20) or failed (1 in 20, HTTP 503),
// next_attempt_at and the lease NULL, attempt_count and scheduled_attempts 1, activity_at the
// attempt's start, the last_* copies of its outcome; the attempt with the headers the sender sends
// and its trace id. Two deliveries per event, spread over the last 30 days, ids in creation order
// and older than any id made now. Secondary indexes are dropped for the load and built again after
// it (as a bulk load is done), then VACUUM ANALYZE leaves the tables as a long-running system's.

export type SettledSeed = { seconds: number; deliveries: number; attempts: number; bytes: Record<string, number> };

export async function seedSettledDeliveries(
  url: string,
  input: { orgId: string; webhookIds: string[]; deliveries: number },
): Promise<SettledSeed> {
  const started = performance.now();
  const since = Date.now() - 30 * 86_400_000;
  const prefixes = [idTimePrefix("evt", since), idTimePrefix("dlv", since), idTimePrefix("att", since)];
  return bulkLoad(
    url,
    async (client) => {
      await client.query(SEED_EVENTS, [input.orgId, input.deliveries, prefixes[0]]);
      await client.query(SEED_DELIVERIES, [input.orgId, input.webhookIds, input.deliveries, prefixes[0], prefixes[1]]);
      await client.query(SEED_ATTEMPTS, [prefixes[1], prefixes[2]]);
    },
    async (client) => {
      await client.query("VACUUM ANALYZE events, deliveries, delivery_attempts");
      const { rows } = await client.query<{ deliveries: number; attempts: number }>(
        `SELECT (SELECT count(*)::int FROM deliveries WHERE id LIKE $1 || '%') AS deliveries,
                (SELECT count(*)::int FROM delivery_attempts WHERE delivery_id LIKE $1 || '%') AS attempts`,
        [prefixes[1]],
      );
      return { seconds: (performance.now() - started) / 1000, ...rows[0], bytes: await tableBytes(client) };
    },
  );
}

/** pg_total_relation_size (heap, indexes, TOAST) of the three delivery tables. */
export async function tableBytes(client: pg.Client | pg.Pool): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; bytes: string }>(
    "SELECT t AS name, pg_total_relation_size(t::regclass)::text AS bytes FROM unnest($1::text[]) AS t",
    [DELIVERY_TABLES],
  );
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.bytes)]));
}

// Event e (1…n/2) of `now - 30 days + e/(n/2) × 30 days`; delivery i belongs to event ceil(i/2).
const EVENT_TIME = `now() - interval '30 days' * (1 - (2 * e)::float8 / $2)`;
const SEED_EVENTS = `
  INSERT INTO events (id, org_id, type, body, created_at)
  SELECT $3 || lpad(e::text, 16, '0'), $1, 'camera.offline',
         convert_to('{"id":"' || $3 || lpad(e::text, 16, '0') || '","type":"camera.offline","created_at":"' ||
           to_char((${EVENT_TIME}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
           '","data":{"camera_id":"cam_' || lpad((e % 5000)::text, 5, '0') || '","site_id":"site_lobby_east",' ||
           '"reason":"heartbeat_missed","firmware":"4.12.7","labels":["entrance","ground-floor","ptz"],"sequence":' || e || '}}', 'UTF8'),
         ${EVENT_TIME}
    FROM generate_series(1, ($2::int + 1) / 2) AS e`;

// The delivery is created with its event; its one attempt starts 20–80 ms later and lasts 20–200 ms.
const SEED_DELIVERIES = `
  INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, attempt_count, scheduled_attempts,
    next_attempt_at, lease_owner, lease_expires_at, created_at, activity_at, last_request_id, last_status_code,
    last_error_code, last_reason, last_duration_ms, last_receiver_request_id)
  SELECT $5 || lpad(i::text, 16, '0'), $1, ($2::text[])[1 + i % cardinality($2::text[])],
         $4 || lpad(((i + 1) / 2)::text, 16, '0'), 'camera.offline', s.status, 1, 1, NULL, NULL, NULL,
         e.created_at, e.created_at + interval '1 millisecond' * (20 + i % 61),
         'req_' || substr(md5('req' || i), 1, 26), CASE WHEN s.status = 'succeeded' THEN 200 ELSE 503 END,
         CASE WHEN s.status = 'failed' THEN 'webhook_delivery_failed' END,
         CASE WHEN s.status = 'failed' THEN 'http_status' END, 20 + i % 181, NULL
    FROM generate_series(1, $3::int) AS i
    JOIN events e ON e.id = $4 || lpad(((i + 1) / 2)::text, 16, '0'),
         LATERAL (SELECT CASE WHEN (i / cardinality($2::text[])) % 20 = 7 THEN 'failed' ELSE 'succeeded' END::"DeliveryStatus" AS status) AS s`;

// The headers as the sender sends them (lib/attempts/build-request.ts), so rows have their real width.
const SEED_ATTEMPTS = `
  INSERT INTO delivery_attempts (id, delivery_id, org_id, webhook_id, request_id, number, trigger, url, started_at,
    duration_ms, request_headers, response_status, response_headers, response_body, response_body_truncated,
    error_code, reason, message, receiver_request_id, trace_id)
  SELECT $2 || substr(d.id, length($1) + 1), d.id, d.org_id, d.webhook_id, d.last_request_id, 1, 'scheduled', w.url,
         d.activity_at, d.last_duration_ms,
         jsonb_build_object('Content-Type', 'application/json', 'User-Agent', 'NovaVMS-Webhooks/0.1.0',
           'X-NovaVMS-Signature', 't=' || extract(epoch FROM d.activity_at)::bigint || ',v1=' || md5(d.id) || md5(d.event_id),
           'X-NovaVMS-Event', 'camera.offline', 'X-NovaVMS-Delivery', d.id, 'X-NovaVMS-Request-Id', d.last_request_id,
           'webhook-id', d.id, 'webhook-timestamp', extract(epoch FROM d.activity_at)::bigint::text,
           'webhook-signature', 'v1,' || encode(decode(md5(d.id) || md5(d.event_id), 'hex'), 'base64'),
           'traceparent', '00-' || md5(d.id) || '-' || substr(md5(d.event_id), 1, 16) || '-01'),
         d.last_status_code, jsonb_build_object('content-type', 'text/plain', 'content-length', '2'),
         convert_to(CASE WHEN d.status = 'succeeded' THEN 'ok' ELSE 'upstream unavailable' END, 'UTF8'), false,
         d.last_error_code, d.last_reason,
         CASE WHEN d.status = 'failed' THEN 'Your endpoint returned HTTP 503.' END, NULL, md5(d.id)
    FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id
   WHERE d.id LIKE $1 || '%'`;
