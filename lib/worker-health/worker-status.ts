import type { Db } from "../db/client";

export type WorkerState = "ok" | "stale" | "none";

/**
 * The workers' state from their heartbeats: `ok` when one beat within `staleAfterMs`
 * (NOVAVMS_WORKER_STALE_SECONDS), `stale` when the freshest is older, `none` when no worker is
 * running (none ever started, or every one stopped cleanly). One aggregate over a row per worker.
 */
export async function readWorkerStatus(
  db: Db,
  options: { now: Date; staleAfterMs: number },
): Promise<{ worker: WorkerState; worker_last_seen_at: string | null }> {
  const { rows } = await db.pool.query<{ last: Date | null }>(
    `SELECT max(last_seen_at) AS last FROM worker_heartbeats`,
  );
  const last = rows[0]?.last ?? null;
  if (!last) return { worker: "none", worker_last_seen_at: null };
  const fresh = options.now.getTime() - last.getTime() <= options.staleAfterMs;
  return { worker: fresh ? "ok" : "stale", worker_last_seen_at: last.toISOString() };
}
