import type pg from "pg";
import type { Db } from "../db/client";
import { ConflictError, IdempotencyKeyReusedError } from "../errors";
import { namedIf, namesStatements } from "../db/named-statements";
import { idTimePrefix, newId } from "../ids";
import { DELIVERIES_DUE_CHANNEL, wakeDispatchers } from "../dispatch/wake";
import { loadedTracing } from "../tracing/load";
import type { IngestEventInput, IngestResult } from "./ingest";

// The one place events are stored: `ingestEvent` (a group of one), group commit and the batch
// endpoint all go through `insertEvents`, so one statement and one set of idempotency rules hold
// on every ingest path.

/** One event ready to store: already validated and authorized for `orgId`. */
export type PreparedEvent = {
  orgId: string;
  id: string;
  type: string;
  /** The envelope's bytes as text (UTF-8): signed, sent, stored and replayed as they are. */
  body: string;
  idempotencyKey: string | null;
  createdAt: Date;
  /** The W3C traceparent of the request that sent it (tracing on): its attempts continue that trace. */
  traceparent: string | null;
};

/** What storing one event answers: its result, or the error of its idempotency key alone. */
export type InsertOutcome = IngestResult | ConflictError | IdempotencyKeyReusedError;

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

/**
 * The envelope of one event, serialised once: these bytes are signed, sent, stored and replayed.
 * Called in the request's own context, so the event keeps that request's trace even when it is
 * stored by a statement another request started (group commit).
 */
export function prepareEvent(orgId: string, input: IngestEventInput, now: Date): PreparedEvent {
  const id = newId("evt", now.getTime());
  const body = JSON.stringify({ id, type: input.type, created_at: now.toISOString(), data: input.data });
  return {
    orgId,
    id,
    type: input.type,
    body,
    idempotencyKey: input.idempotency_key ?? null,
    createdAt: now,
    traceparent: loadedTracing()?.activeTraceparent() ?? null,
  };
}

/**
 * Stores any number of events, of one org or several, with one delivery per enabled endpoint
 * webhook of each event's own org subscribed to its type (no event types = all; alert
 * destinations receive only NovaVMS's own operational events), in one statement: all of
 * them or none, and dispatchers are woken (in this process, the worker of `npm start`, and over
 * PostgreSQL NOTIFY). Answers come in the order of `events`. An event whose key its org already
 * used is not stored again: with the same type and data it answers exactly the first result
 * (deliveries in id order, as the first answer had them), with another event it is an
 * IdempotencyKeyReusedError (409), and if the first event has since been removed a ConflictError.
 */
export async function insertEvents(db: Db, events: PreparedEvent[]): Promise<InsertOutcome[]> {
  const { outcomes, delivered } = await storeEvents(db.pool, events, await namesStatements(db));
  if (delivered) wakeDispatchers();
  return outcomes;
}

/** `insertEvents` inside a transaction: any event's error rolls every event back and is thrown. */
export async function insertEventsAtomically(db: Db, events: PreparedEvent[]): Promise<IngestResult[]> {
  const named = await namesStatements(db);
  const client = await db.pool.connect();
  let stored: Awaited<ReturnType<typeof storeEvents>>;
  try {
    await client.query("BEGIN");
    stored = await storeEvents(client, events, named);
    const failed = stored.outcomes.findIndex((outcome) => outcome instanceof Error);
    if (failed >= 0) {
      const error = stored.outcomes[failed] as ConflictError;
      error.message = `events.${failed}: ${error.message}`;
      throw error;
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  if (stored.delivered) wakeDispatchers();
  return stored.outcomes as IngestResult[];
}

/** `named`: the statement is parsed and planned once per connection (lib/db/named-statements.ts). */
async function storeEvents(
  db: Queryable,
  events: PreparedEvent[],
  named: boolean,
): Promise<{ outcomes: InsertOutcome[]; delivered: boolean }> {
  if (events.length === 0) return { outcomes: [], delivered: false };
  const { rows } = await db.query<{ event_id: string; id: string | null; webhook_id: string | null }>(
    namedIf(
      named,
      "novavms_insert_events",
      `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[],
                            $8::text[])
         AS i(id, org_id, type, body, idempotency_key, created_at, delivery_prefix, traceparent)
     ), event AS (
       INSERT INTO events (id, org_id, type, body, idempotency_key, created_at, traceparent)
       SELECT id, org_id, type, convert_to(body, 'UTF8'), idempotency_key, created_at, traceparent FROM input
       ON CONFLICT (org_id, idempotency_key) DO NOTHING
       RETURNING id, org_id, type, created_at
     ), delivery AS (
       INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
       SELECT input.delivery_prefix || left(md5(gen_random_uuid()::text), 16), event.org_id, w.id, event.id, event.type,
              'pending', event.created_at, event.created_at, event.created_at
         FROM event
         JOIN input ON input.id = event.id
         JOIN webhooks w ON w.org_id = event.org_id AND w.enabled AND w.purpose = 'endpoint'
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
        events.map((e) => e.traceparent),
      ],
    ),
  );
  const stored = new Map<string, IngestResult>();
  for (const row of rows) {
    let result = stored.get(row.event_id);
    if (!result) stored.set(row.event_id, (result = { id: row.event_id, deliveries: [], duplicate: false }));
    if (row.id !== null) result.deliveries.push({ id: row.id, webhook_id: row.webhook_id! });
  }
  // In id order, as findFirstResults answers them: a repeated request gets exactly this answer.
  for (const result of stored.values()) result.deliveries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const repeated = events.filter((e) => !stored.has(e.id));
  const firsts = repeated.length ? await findFirstResults(db, repeated) : new Map<string, FirstResult>();
  const outcomes = events.map((e): InsertOutcome => {
    const result = stored.get(e.id);
    if (result) return result;
    const first = firsts.get(keyOf(e.orgId, e.idempotencyKey!));
    if (!first) return new ConflictError("The event with this idempotency_key was removed; retry with a new key.");
    // As Stripe does: a key names one request; the same key with another event is a client bug.
    if (first.type !== e.type || first.data !== dataOf(e.body)) return new IdempotencyKeyReusedError();
    return { ...first.result, deliveries: [...first.result.deliveries] };
  });
  return { outcomes, delivered: rows.some((row) => row.id !== null) };
}

type FirstResult = { result: IngestResult; type: string; data: string };

/** The first result of each (org, idempotency key) of `events`, with its event's type and data, in one query. */
async function findFirstResults(db: Queryable, events: PreparedEvent[]): Promise<Map<string, FirstResult>> {
  const { rows } = await db.query<{
    org_id: string;
    idempotency_key: string;
    event_id: string;
    type: string;
    body: Buffer;
    id: string | null;
    webhook_id: string | null;
  }>(
    `SELECT e.org_id, e.idempotency_key, e.id AS event_id, e.type, e.body, d.id, d.webhook_id
       FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS k(org_id, idempotency_key)) AS k
       JOIN events e ON e.org_id = k.org_id AND e.idempotency_key = k.idempotency_key
       LEFT JOIN deliveries d ON d.event_id = e.id
      ORDER BY d.id COLLATE "C"`,
    [events.map((e) => e.orgId), events.map((e) => e.idempotencyKey)],
  );
  const results = new Map<string, FirstResult>();
  for (const row of rows) {
    const key = keyOf(row.org_id, row.idempotency_key);
    let first = results.get(key);
    if (!first) {
      const result: IngestResult = { id: row.event_id, deliveries: [], duplicate: true };
      results.set(key, (first = { result, type: row.type, data: dataOf(row.body.toString("utf8")) }));
    }
    if (row.id !== null) first.result.deliveries.push({ id: row.id, webhook_id: row.webhook_id! });
  }
  return results;
}

// An envelope's data as text. Envelopes are JSON.stringify'd from parsed JSON: parsing and
// serialising the data again gives the same text, so equal data (in the same key order) compares equal.
function dataOf(body: string): string {
  return JSON.stringify((JSON.parse(body) as { data: unknown }).data);
}

function keyOf(orgId: string, idempotencyKey: string): string {
  return `${orgId}\n${idempotencyKey}`;
}
