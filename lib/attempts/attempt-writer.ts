import type { Db } from "../db/client";
import { recordAttempts, type AttemptRecord } from "./record-attempt";

export type AttemptWriter = {
  /** Resolves with the attempt's number once it is written (batched with others in flight). */
  record: (attempt: AttemptRecord) => Promise<number>;
};

export type AttemptWriterOptions = {
  /** Attempts per statement. */
  maxBatch: number;
  /** Statements in flight at once: one writes while the next batch gathers. */
  maxConcurrent: number;
};

// PostgreSQL reports a deadlock by aborting one transaction; nothing of it was written, so the
// batch is simply written again. Two batches only meet on one delivery when a lease expired and
// another worker took the delivery over while this one was still sending.
const DEADLOCK = "40P01";
const DEADLOCK_RETRIES = 3;

/**
 * A write-behind buffer for the dispatcher: attempts that finish while a write is in flight are
 * written together in one multi-row statement (group commit). One statement per attempt made the
 * database round trip, not the receiver, the limit; batching keeps the per-attempt semantics of
 * `recordAttempt` (each caller still waits for its own attempt to be written).
 */
export function createAttemptWriter(db: Db, options: AttemptWriterOptions): AttemptWriter {
  type Pending = { attempt: AttemptRecord; resolve: (n: number) => void; reject: (error: unknown) => void };
  let queue: Pending[] = [];
  let writing = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || writing >= options.maxConcurrent || queue.length === 0) return;
    scheduled = true;
    // One turn of the event loop lets the attempts that finished together join this batch.
    setImmediate(() => {
      scheduled = false;
      void write();
    });
  }

  async function write() {
    if (writing >= options.maxConcurrent || queue.length === 0) return;
    const batch = takeBatch();
    writing += 1;
    schedule();
    try {
      const numbers = await recordWithRetry(batch.map((p) => p.attempt));
      batch.forEach((p, i) => p.resolve(numbers[i]));
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    } finally {
      writing -= 1;
      schedule();
    }
  }

  // A statement may touch each delivery once: a second attempt of the same delivery (possible
  // only after a lease takeover) waits for the next batch.
  function takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const ids = new Set<string>();
    for (const pending of queue) {
      if (batch.length < options.maxBatch && !ids.has(pending.attempt.deliveryId)) {
        ids.add(pending.attempt.deliveryId);
        batch.push(pending);
      } else {
        rest.push(pending);
      }
    }
    queue = rest;
    return batch;
  }

  async function recordWithRetry(attempts: AttemptRecord[]): Promise<number[]> {
    for (let retry = 0; ; retry++) {
      try {
        return await recordAttempts(db, attempts);
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK || retry >= DEADLOCK_RETRIES) throw error;
      }
    }
  }

  return {
    record: (attempt) =>
      new Promise<number>((resolve, reject) => {
        queue.push({ attempt, resolve, reject });
        schedule();
      }),
  };
}
