import type { AppContext } from "../context";
import type { Db } from "../db/client";

// The worker's heartbeat: a row per worker process with the last time its dispatcher claimed
// successfully, so /api/health can tell a running worker from a stuck or missing one. Written from
// the claim loop, at most once per HEARTBEAT_EVERY_MS: a worker whose claims fail (the database is
// away) or whose event loop is stuck stops beating. Deleted on a clean stop.

export const HEARTBEAT_EVERY_MS = 10_000;
// Rows of workers that died without stopping cleanly, dropped by the next worker that starts.
const FORGET_AFTER_MS = 7 * 24 * 60 * 60_000;

export type Heartbeat = { beat: () => void; stop: () => Promise<void> };

export function startHeartbeat(context: Pick<AppContext, "db" | "log" | "now">, workerId: string): Heartbeat {
  const startedAt = context.now();
  let lastAt = -Infinity;
  let writing: Promise<void> | null = null;
  let stopped = false;
  void forgetOldHeartbeats(context.db, startedAt).catch(() => {});
  return {
    beat() {
      const now = context.now();
      if (stopped || writing || now.getTime() - lastAt < HEARTBEAT_EVERY_MS) return;
      lastAt = now.getTime();
      writing = writeHeartbeat(context.db, { workerId, startedAt, now })
        .catch((error) => context.log.warn({ err: error }, "worker heartbeat not written"))
        .finally(() => {
          writing = null;
        });
    },
    async stop() {
      stopped = true;
      await writing;
      await context.db.pool.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [workerId]).catch(() => {});
    },
  };
}

export async function writeHeartbeat(db: Db, input: { workerId: string; startedAt: Date; now: Date }): Promise<void> {
  await db.pool.query(
    `INSERT INTO worker_heartbeats (worker_id, started_at, last_seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    [input.workerId, input.startedAt, input.now],
  );
}

async function forgetOldHeartbeats(db: Db, now: Date): Promise<void> {
  await db.pool.query(`DELETE FROM worker_heartbeats WHERE last_seen_at < $1`, [
    new Date(now.getTime() - FORGET_AFTER_MS),
  ]);
}
