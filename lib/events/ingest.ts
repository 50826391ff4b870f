import { z } from "zod";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { ConflictError, IdempotencyKeyReusedError } from "../errors";
import { idTimePrefix, newId } from "../ids";
import { eventTypeSchema } from "../webhooks/schemas";
import { loadedTracing } from "../tracing/load";
import { DELIVERIES_DUE_CHANNEL, wakeDispatchers } from "../dispatch/wake";
import { enforceEventRate } from "../orgs/limits";

export const ingestEventInput = z.strictObject({
  type: eventTypeSchema,
  data: z.record(z.string(), z.unknown(), "expected a JSON object"),
  idempotency_key: z.string().min(1, "must not be empty").max(255, "at most 255 characters").optional(),
});

export type IngestEventInput = z.infer<typeof ingestEventInput>;

export type IngestResult = {
  id: string;
  deliveries: Array<{ id: string; webhook_id: string }>;
  /** True when the idempotency key was seen before and nothing new was created. */
  duplicate: boolean;
};

/**
 * Stores the event's bytes once and creates one pending delivery per enabled webhook of the org
 * subscribed to its type (no event types = all), in one statement, so it happens entirely or not
 * at all. The same idempotency key again returns the first result. Dispatchers are woken at once:
 * in this process, in the worker of `npm start`, and over PostgreSQL NOTIFY on other machines.
 */
export async function ingestEvent(
  { db, now: clock }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: IngestEventInput,
): Promise<IngestResult> {
  const { orgId } = authorize(caller, "event.ingest");
  const now = clock();
  await enforceEventRate(db, orgId, now);
  const id = newId("evt", now.getTime());
  // The envelope is serialised once here; these bytes are signed, sent, stored and replayed.
  const body = Buffer.from(JSON.stringify({ id, type: input.type, created_at: now.toISOString(), data: input.data }));
  // One statement, one round trip: the subscribed webhooks are chosen inside it. Delivery ids get
  // this event's time part from newId and their random part from the database.
  const { rows } = await db.pool.query<{ inserted: boolean; id: string | null; webhook_id: string | null }>(
    `WITH event AS (
       INSERT INTO events (id, org_id, type, body, idempotency_key, created_at, traceparent)
       VALUES ($1, $2, $3, $4, $5, $6, $8)
       ON CONFLICT (org_id, idempotency_key) DO NOTHING
       RETURNING id
     ), delivery AS (
       INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, next_attempt_at, created_at, activity_at)
       SELECT $7 || left(md5(gen_random_uuid()::text), 16), $2, w.id, event.id, $3, 'pending', $6, $6, $6
         FROM event, webhooks w
        WHERE w.org_id = $2 AND w.enabled AND w.purpose = 'endpoint'
          AND (cardinality(w.event_types) = 0 OR $3 = ANY(w.event_types))
       RETURNING id, webhook_id
     ), notify AS (
       SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '') FROM delivery LIMIT 1
     )
     SELECT EXISTS (SELECT 1 FROM event) AS inserted, delivery.id, delivery.webhook_id
       FROM (SELECT count(*) FROM notify) AS one LEFT JOIN delivery ON true`,
    [
      id,
      orgId,
      input.type,
      body,
      input.idempotency_key ?? null,
      now,
      idTimePrefix("dlv", now.getTime()),
      loadedTracing()?.activeTraceparent() ?? null,
    ],
  );
  if (!rows[0].inserted) {
    const first = await findByIdempotencyKey(db, orgId, input.idempotency_key!);
    if (!first) throw new ConflictError("The event with this idempotency_key was removed; retry with a new key.");
    // As Stripe does: a key names one request; the same key with another event is a client bug.
    if (first.type !== input.type || first.data !== JSON.stringify(input.data)) throw new IdempotencyKeyReusedError();
    return first.result;
  }
  // In id order, as findByIdempotencyKey returns them: a repeated request gets exactly this answer.
  const deliveries = rows
    .filter((r) => r.id !== null)
    .map((r) => ({ id: r.id!, webhook_id: r.webhook_id! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (deliveries.length > 0) wakeDispatchers();
  return { id, deliveries, duplicate: false };
}

/** The first result for a key, with the type and serialised data of the event it created. */
async function findByIdempotencyKey(
  db: Db,
  orgId: string,
  key: string,
): Promise<{ result: IngestResult; type: string; data: string } | null> {
  const { rows } = await db.pool.query<{
    event_id: string;
    type: string;
    body: Buffer;
    id: string | null;
    webhook_id: string | null;
  }>(
    `SELECT e.id AS event_id, e.type, e.body, d.id, d.webhook_id
       FROM events e LEFT JOIN deliveries d ON d.event_id = e.id
      WHERE e.org_id = $1 AND e.idempotency_key = $2
      ORDER BY d.id COLLATE "C"`,
    [orgId, key],
  );
  if (rows.length === 0) return null;
  // The stored envelope was JSON.stringify'd from parsed JSON: parsing and serialising its data
  // again gives the same text, so equal data compares equal here.
  const envelope = JSON.parse(rows[0].body.toString("utf8")) as { data: unknown };
  return {
    result: {
      id: rows[0].event_id,
      deliveries: rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, webhook_id: r.webhook_id! })),
      duplicate: true,
    },
    type: rows[0].type,
    data: JSON.stringify(envelope.data),
  };
}
