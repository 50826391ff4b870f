import { z } from "zod";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { eventTypeSchema } from "../webhooks/schemas";
import { insertEvents, prepareEvent } from "./insert-events";
import { enforceEventRate } from "../orgs/limits";

export const ingestEventInput = z.strictObject({
  type: eventTypeSchema,
  data: z.record(z.string(), z.unknown(), "expected a JSON object"),
  idempotency_key: z
    .string()
    .min(1, "must not be empty")
    .max(255, "at most 255 characters")
    // PostgreSQL text cannot hold NUL: refused here as bad input rather than failing the insert.
    .regex(/^[^\0]*$/, "must not contain NUL characters")
    .optional(),
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
 * at all: a group of one for `insertEvents`, which holds the idempotency rules (the same key
 * again answers exactly the first result; with another event it is `409 idempotency_key_reused`).
 * Dispatchers are woken at once. The API's hot path groups concurrent calls (group-commit.ts).
 */
export async function ingestEvent(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: IngestEventInput,
): Promise<IngestResult> {
  const { orgId } = authorize(caller, "event.ingest");
  const at = now();
  await enforceEventRate(db, orgId, at);
  const [outcome] = await insertEvents(db, [prepareEvent(orgId, input, at)]);
  if (outcome instanceof Error) throw outcome;
  return outcome;
}
