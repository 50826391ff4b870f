import { bulkLoad } from "./bulk-load";

// The delivery log at scale, written server-side in a few INSERT … SELECT generate_series
// statements (no rows cross the wire), with the secondary indexes dropped during the load and
// built again after it, as a bulk load is done. `deliveries` deliveries over the given webhooks,
// two per event, with 1 to 4 attempts each (2.5 on average): 400,000 deliveries make 1,000,000
// attempts. Statuses: 4% failed, 4% retrying, 2% pending without attempts, the rest succeeded,
// spread over the last 30 days.

export async function seedDeliveryLog(
  url: string,
  input: { orgId: string; webhookIds: string[]; deliveries: number },
): Promise<{ seconds: number; attempts: number }> {
  const started = performance.now();
  return bulkLoad(
    url,
    async (client) => {
      await client.query(SEED_EVENTS, [input.orgId, input.deliveries]);
      await client.query(SEED_DELIVERIES, [input.orgId, input.webhookIds, input.deliveries]);
      await client.query(SEED_ATTEMPTS);
    },
    async (client) => {
      await client.query("ANALYZE");
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM delivery_attempts");
      return { seconds: (performance.now() - started) / 1000, attempts: rows[0].n };
    },
  );
}

// Delivery i (1…n) belongs to event ceil(i/2) and webhook i mod w; k = i / w spreads each status
// evenly over every webhook and over time. Newer deliveries have larger i.
const SEED_EVENTS = `
  INSERT INTO events (id, org_id, type, body, created_at)
  SELECT 'evt_log' || lpad(e::text, 10, '0'), $1, 'camera.offline',
         convert_to('{"id":"evt_log' || lpad(e::text, 10, '0') || '","type":"camera.offline","created_at":"' ||
           to_char((now() - interval '30 days' * (1 - (2 * e)::float8 / $2)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
           '","data":{"camera_id":"cam_' || (e % 5000) || '","site_id":"site_lobby_east","reason":"heartbeat_missed","firmware":"4.12.7"}}', 'UTF8'),
         now() - interval '30 days' * (1 - (2 * e)::float8 / $2)
    FROM generate_series(1, ($2::int + 1) / 2) AS e`;

const SEED_DELIVERIES = `
  INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, attempt_count, scheduled_attempts,
    next_attempt_at, created_at, activity_at, last_request_id, last_status_code, last_error_code, last_reason, last_duration_ms)
  SELECT 'dlv_log' || lpad(i::text, 10, '0'), $1, ($2::text[])[1 + i % cardinality($2::text[])],
         'evt_log' || lpad(((i + 1) / 2)::text, 10, '0'), 'camera.offline', s.status, s.attempts, s.attempts,
         CASE WHEN s.status IN ('retrying', 'pending') THEN now() + interval '1 day' END,
         t.created, t.created + interval '5 minutes' * greatest(s.attempts - 1, 0),
         CASE WHEN s.attempts > 0 THEN 'req_' || md5('dlv_log' || i || ':' || s.attempts) END,
         CASE s.status WHEN 'succeeded' THEN 200 WHEN 'pending' THEN NULL ELSE 503 END,
         CASE WHEN s.status IN ('failed', 'retrying') THEN 'webhook_delivery_failed' END,
         CASE WHEN s.status IN ('failed', 'retrying') THEN 'http_status' END,
         CASE WHEN s.attempts > 0 THEN 20 + i % 180 END
    FROM generate_series(1, $3::int) AS i,
         LATERAL (SELECT i / cardinality($2::text[]) AS k) AS kk,
         LATERAL (SELECT CASE WHEN kk.k % 25 = 0 THEN 'failed' WHEN kk.k % 25 = 1 THEN 'retrying' WHEN kk.k % 50 = 2 THEN 'pending' ELSE 'succeeded' END::"DeliveryStatus" AS status,
                         CASE WHEN kk.k % 50 = 2 THEN 0 ELSE 1 + i % 4 END AS attempts) AS s,
         LATERAL (SELECT now() - interval '30 days' * (1 - i::float8 / $3) AS created) AS t`;

// The headers as the dispatcher records them (about 700 bytes), so the table has its real width.
const SEED_ATTEMPTS = `
  INSERT INTO delivery_attempts (id, delivery_id, org_id, webhook_id, request_id, number, trigger, url, started_at, duration_ms,
    request_headers, response_status, response_headers, response_body, response_body_truncated, error_code, reason, message)
  SELECT 'att_' || md5(d.id || ':' || n), d.id, d.org_id, d.webhook_id, 'req_' || md5(d.id || ':' || n), n, 'scheduled',
         'https://hooks.example.com/novavms', d.created_at + interval '5 minutes' * (n - 1), 20 + n * 7,
         jsonb_build_object('Content-Type', 'application/json', 'User-Agent', 'NovaVMS-Webhooks/0.1.0',
           'X-NovaVMS-Signature', 'sha256=' || md5(d.id) || md5(d.event_id), 'X-NovaVMS-Event', 'camera.offline',
           'X-NovaVMS-Delivery', d.id, 'X-NovaVMS-Request-Id', 'req_' || md5(d.id || ':' || n), 'webhook-id', d.id,
           'webhook-timestamp', extract(epoch FROM d.created_at)::bigint::text,
           'webhook-signature', 'v1,' || encode(decode(md5(d.id) || md5(d.event_id), 'hex'), 'base64')),
         ok.status, jsonb_build_object('content-type', 'text/plain', 'content-length', '2'),
         convert_to(CASE WHEN ok.status = 200 THEN 'ok' ELSE 'upstream unavailable' END, 'UTF8'), false,
         CASE WHEN ok.status <> 200 THEN 'webhook_delivery_failed' END, CASE WHEN ok.status <> 200 THEN 'http_status' END,
         CASE WHEN ok.status <> 200 THEN 'The endpoint answered HTTP ' || ok.status END
    FROM deliveries d, generate_series(1, d.attempt_count) AS n,
         LATERAL (SELECT CASE WHEN d.status = 'succeeded' AND n = d.attempt_count THEN 200 ELSE 503 END AS status) AS ok`;
