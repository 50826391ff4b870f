import type { Db } from "../db/client";
import { ConflictError } from "../errors";
import { idTimePrefix, newId } from "../ids";
import { DELIVERIES_DUE_CHANNEL, wakeDispatchers } from "../dispatch/wake";
import type { IngestEventInput, IngestResult } from "./ingest";

/** One event ready to store: already validated and authorized for `orgId`. */
export type PreparedEvent = {
  orgId: string;
  id: string;
  type: string;
  /** The envelope's bytes as text (UTF-8): signed, sent, stored and replayed as they are. */
  body: string;
  idempotencyKey: string | null;
  createdAt: Date;
};

/** The envelope of one event, serialised once: these bytes are signed, sent, stored and replayed. */
export function prepareEvent(orgId: string, input: IngestEventInput, now: Date): PreparedEvent {
  const id = newId("evt", now.getTime());
  const body = JSON.stringify({ id, type: input.type, created_at: now.toISOString(), data: input.data });
  return { orgId, id, type: input.type, body, idempotencyKey: input.idempotency_key ?? null, createdAt: now };
}

/**
 * Stores any number of events, of one org or several, with one delivery per enabled webhook of
 * each event's own org subscribed to its type, in one statement: all of them or none. An event
 * whose idempotency key its org already used is not stored again; its answer is the first
 * result. Answers come in the order of `events`; the one for a key whose first event has since
 * been removed is a ConflictError (the others are stored).
 */
export async function insertEvents(db: Db, events: PreparedEvent[]): Promise<Array<IngestResult | ConflictError>> {
  if (events.length === 0) return [];
  const { rows } = await db.pool.query<{ event_id: string; id: string | null; webhook_id: string | null }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
         AS i(id, org_id, type, body, idempotency_key, created_at, delivery_prefix)
     ), event AS (
       INSERT INTO events (id, org_id, type, body, idempotency_key, created_at)
       SELECT id, org_id, type, convert_to(body, 'UTF8'), idempotency_key, created_at FROM input
       ON CONFLICT (org_id, idempotency_key) DO NOTHING
       RETURNING id, org_id, type, created_at
     ), delivery AS (
       INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
       SELECT input.delivery_prefix || left(md5(gen_random_uuid()::text), 16), event.org_id, w.id, event.id, event.type,
              'pending', event.created_at, event.created_at, event.created_at
         FROM event
         JOIN input ON input.id = event.id
         JOIN webhooks w ON w.org_id = event.org_id AND w.enabled
                        AND (cardinality(w.event_types) = 0 OR event.type = ANY(w.event_types))
       RETURNING id, webhook_id, event_id
     ), notify AS (
       SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '') FROM delivery LIMIT 1
     )
     SELECT event.id AS event_id, delivery.id, delivery.webhook_id
       FROM (SELECT count(*) FROM notify) AS one
       JOIN event ON true
       LEFT JOIN delivery ON delivery.event_id = event.id`,
    [
      events.map((e) => e.id),
      events.map((e) => e.orgId),
      events.map((e) => e.type),
      events.map((e) => e.body),
      events.map((e) => e.idempotencyKey),
      events.map((e) => e.createdAt),
      // Delivery ids get their event's time part from idTimePrefix, their random part from the database.
      events.map((e) => idTimePrefix("dlv", e.createdAt.getTime())),
    ],
  );
  const stored = new Map<string, IngestResult>();
  for (const row of rows) {
    let result = stored.get(row.event_id);
    if (!result) stored.set(row.event_id, (result = { id: row.event_id, deliveries: [], duplicate: false }));
    if (row.id !== null) result.deliveries.push({ id: row.id, webhook_id: row.webhook_id! });
  }
  // In id order, as the first result of an idempotency key is answered again.
  for (const result of stored.values()) result.deliveries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (rows.some((row) => row.id !== null)) wakeDispatchers();
  const repeated = uniqueKeys(events.filter((e) => !stored.has(e.id)));
  const firsts = repeated.length ? await findFirstResults(db, repeated) : new Map<string, IngestResult>();
  return events.map(
    (e) =>
      stored.get(e.id) ??
      firsts.get(keyOf(e.orgId, e.idempotencyKey!)) ??
      new ConflictError("The event with this idempotency_key was removed; retry with a new key."),
  );
}

/** The first result of each (org, idempotency key) of `events`, in one query. */
async function findFirstResults(db: Db, events: PreparedEvent[]): Promise<Map<string, IngestResult>> {
  const { rows } = await db.pool.query<{
    org_id: string;
    idempotency_key: string;
    event_id: string;
    id: string | null;
    webhook_id: string | null;
  }>(
    `SELECT e.org_id, e.idempotency_key, e.id AS event_id, d.id, d.webhook_id
       FROM unnest($1::text[], $2::text[]) AS k(org_id, idempotency_key)
       JOIN events e ON e.org_id = k.org_id AND e.idempotency_key = k.idempotency_key
       LEFT JOIN deliveries d ON d.event_id = e.id
      ORDER BY d.created_at, d.id`,
    [events.map((e) => e.orgId), events.map((e) => e.idempotencyKey)],
  );
  const results = new Map<string, IngestResult>();
  for (const row of rows) {
    const key = keyOf(row.org_id, row.idempotency_key);
    let result = results.get(key);
    if (!result) results.set(key, (result = { id: row.event_id, deliveries: [], duplicate: true }));
    if (row.id !== null) result.deliveries.push({ id: row.id, webhook_id: row.webhook_id! });
  }
  return results;
}

function uniqueKeys(events: PreparedEvent[]): PreparedEvent[] {
  const seen = new Map<string, PreparedEvent>();
  for (const e of events) seen.set(keyOf(e.orgId, e.idempotencyKey!), e);
  return [...seen.values()];
}

function keyOf(orgId: string, idempotencyKey: string): string {
  return `${orgId}\n${idempotencyKey}`;
}
