import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { enforceEventRate } from "../orgs/limits";
import type { IngestEventInput, IngestResult } from "./ingest";
import { insertEvents, prepareEvent, type PreparedEvent } from "./insert-events";

/**
 * Statements of grouped events in flight at once per database pool. While they run, newly
 * arriving events wait and then go together in one statement: the time a statement takes is the
 * grouping window, so an idle server sends each event at once (nothing added at low load) and a
 * busy one sends one statement for everything that arrived meanwhile.
 */
export const GROUP_COMMIT_IN_FLIGHT = 2;

/** At most this many events in one statement (the batch endpoint's limit). */
export const GROUP_COMMIT_MAX_EVENTS = 500;

type Waiting = { event: PreparedEvent; resolve: (result: IngestResult) => void; reject: (error: unknown) => void };

type Group = { queue: Waiting[]; inFlight: number };

const groups = new WeakMap<Db, Group>();

/**
 * `ingestEvent` for the API's hot path: the same answer, but concurrent calls on one pool share
 * one statement. Each event is authorized and prepared for its own caller's org before it joins;
 * the statement stores every event with its own org and fans it out to that org's webhooks only.
 * If a grouped statement fails, each of its events is tried again alone, so one bad event fails
 * only its own call.
 */
export async function ingestEventGrouped(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: IngestEventInput,
): Promise<IngestResult> {
  const { orgId } = authorize(caller, "event.ingest");
  const at = now();
  await enforceEventRate(db, orgId, at);
  return submit(db, prepareEvent(orgId, input, at));
}

/** Queues one prepared event for the next grouped statement on `db`. */
export function submit(db: Db, event: PreparedEvent): Promise<IngestResult> {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = { queue: [], inFlight: 0 }));
  const waiting = new Promise<IngestResult>((resolve, reject) => group.queue.push({ event, resolve, reject }));
  if (group.inFlight < GROUP_COMMIT_IN_FLIGHT) void flush(db, group);
  return waiting;
}

async function flush(db: Db, group: Group): Promise<void> {
  const batch = group.queue.splice(0, GROUP_COMMIT_MAX_EVENTS);
  if (batch.length === 0) return;
  group.inFlight++;
  try {
    await storeAll(db, batch);
  } finally {
    group.inFlight--;
    if (group.queue.length > 0) void flush(db, group);
  }
}

async function storeAll(db: Db, batch: Waiting[]): Promise<void> {
  let results: Awaited<ReturnType<typeof insertEvents>>;
  try {
    results = await insertEvents(
      db,
      batch.map((w) => w.event),
    );
  } catch (error) {
    if (batch.length === 1) return batch[0].reject(error);
    // One event can fail the shared statement (its org was deleted meanwhile, say): alone, each
    // of the others is stored and only that one's caller sees the error.
    await Promise.all(batch.map((w) => storeAll(db, [w])));
    return;
  }
  results.forEach((result, i) => (result instanceof Error ? batch[i].reject(result) : batch[i].resolve(result)));
}
