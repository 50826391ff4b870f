import { z } from "zod";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { enforceEventRate } from "../orgs/limits";
import { ingestEventInput, type IngestResult } from "./ingest";
import { insertEventsAtomically, prepareEvent } from "./insert-events";

/** The most events one `POST /api/v1/events/batch` may carry. */
export const MAX_BATCH_EVENTS = 500;

export const ingestBatchInput = z.strictObject({
  events: z
    .array(ingestEventInput)
    .min(1, "must hold at least one event")
    .max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events`),
});

export type IngestBatchInput = z.infer<typeof ingestBatchInput>;

/**
 * Stores a batch of events of the caller's org, each as `POST /api/v1/events` would, in one
 * statement: every event or none. Each event's idempotency key works on its own (an event whose
 * key was used before answers with its first result and creates nothing; a key used before for
 * another event refuses the whole batch, `409 idempotency_key_reused`). The answers come in the
 * order of the events. A batch that fails validation names the index of the event at fault.
 */
export async function ingestEventBatch(
  { db, now: clock, config }: Pick<AppContext, "db" | "now" | "config">,
  caller: Caller,
  input: IngestBatchInput,
): Promise<IngestResult[]> {
  const { orgId } = authorize(caller, "event.ingest");
  const now = clock();
  const firstIndexOfKey = new Map<string, number>();
  const prepared = input.events.map((event, index) => {
    const key = event.idempotency_key;
    if (key !== undefined) {
      const first = firstIndexOfKey.get(key);
      // Two events of one batch with one key would make the answer depend on their order in the
      // statement: the producer meant two events or sent one twice, and only it knows which.
      if (first !== undefined)
        throw invalidAt(index, "idempotency_key", `repeats the idempotency_key of events.${first}`);
      firstIndexOfKey.set(key, index);
    }
    const ready = prepareEvent(orgId, event, now);
    if (Buffer.byteLength(ready.body) > config.maxEventBytes)
      throw invalidAt(index, "data", `the event is larger than ${config.maxEventBytes} bytes`);
    return ready;
  });
  // Every event of the batch counts against the org's events-per-second limit; over it, none is stored.
  await enforceEventRate(db, orgId, now, prepared.length);
  // One key reused with another event (409) or whose first event was removed refuses the batch.
  return insertEventsAtomically(db, prepared);
}

function invalidAt(index: number, field: string, message: string): ValidationError {
  const path = `events.${index}.${field}`;
  return new ValidationError(`${path}: ${message}`, { [path]: message });
}
