import type { Db } from "../db/client";

// Retention: events older than the window whose deliveries are all settled (succeeded or failed)
// are deleted with their deliveries and attempts (foreign keys cascade through the indexes on
// deliveries.event_id and delivery_attempts.delivery_id), which takes the stored event bytes,
// request headers and response bodies with them. An event with a delivery still pending or
// retrying (a parked one of a disabled webhook included) is never touched.

export const DAY_MS = 86_400_000;

/** The oldest-first batch: walks events_created_at_idx, never the whole table. */
export const PRUNE_BATCH_SQL = `
  WITH doomed AS (
    SELECT e.id FROM events e
     WHERE e.created_at < $1
       AND NOT EXISTS (
         SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status IN ('pending', 'retrying'))
     ORDER BY e.created_at
     LIMIT $2
     FOR UPDATE OF e SKIP LOCKED
  ), gone AS (
    DELETE FROM events WHERE id IN (SELECT id FROM doomed) RETURNING id
  )
  SELECT count(*)::int AS events FROM gone`;

export function retentionCutoff(retentionDays: number, now: Date): Date | null {
  return retentionDays > 0 ? new Date(now.getTime() - retentionDays * DAY_MS) : null;
}

/** One small batch, in its own short transaction; how many events it deleted. */
export async function pruneBatch(db: Db, cutoff: Date, batchSize: number): Promise<number> {
  const { rows } = await db.pool.query<{ events: number }>(PRUNE_BATCH_SQL, [cutoff, batchSize]);
  return rows[0].events;
}

export type PrunePassResult = { events: number; batches: number; cutoff: Date | null };

/**
 * Batches until one comes back short or `maxBatches` ran, pausing between them so live traffic
 * gets the database in between. `retentionDays` 0 keeps everything.
 */
export async function prunePass(
  db: Db,
  options: {
    retentionDays: number;
    now?: Date;
    batchSize?: number;
    maxBatches?: number;
    pauseMs?: number;
    onBatch?: (events: number) => void;
  },
): Promise<PrunePassResult> {
  const cutoff = retentionCutoff(options.retentionDays, options.now ?? new Date());
  if (!cutoff) return { events: 0, batches: 0, cutoff };
  const batchSize = options.batchSize ?? 200;
  let events = 0;
  let batches = 0;
  while (batches < (options.maxBatches ?? 500)) {
    const n = await pruneBatch(db, cutoff, batchSize);
    batches++;
    events += n;
    options.onBatch?.(n);
    if (n < batchSize) break;
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { events, batches, cutoff };
}
