import type { Db } from "./client";
import { classifyDatabaseError } from "./failure-kind";
import { migrationStatus } from "./migrate";
import { readWorkerStatus, type WorkerState } from "../worker-health/worker-status";

export type Health = {
  ok: boolean;
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  /** From the workers' heartbeats; absent when the database cannot tell (unreachable, not migrated). */
  worker?: WorkerState;
  worker_last_seen_at?: string | null;
  pending?: string[];
  /** What is wrong, for an operator: the database's error code and message. */
  problem?: string;
};

/**
 * The database (reachable, migrated) and the workers (a heartbeat within `workerStaleMs`). A stale
 * worker makes it unhealthy; no worker at all does not (a web server may run without one here).
 */
export async function checkHealth(db: Db, options: { now: Date; workerStaleMs: number }): Promise<Health> {
  try {
    const status = await migrationStatus((sql) => db.pool.query(sql));
    if (status.current) {
      const workers = await readWorkerStatus(db, { now: options.now, staleAfterMs: options.workerStaleMs });
      if (workers.worker !== "stale") return { ok: true, database: "ok", migrations: "current", ...workers };
      return {
        ok: false,
        database: "ok",
        migrations: "current",
        ...workers,
        problem: `no worker has claimed deliveries since ${workers.worker_last_seen_at} (more than ${options.workerStaleMs / 1000} s): is \`npm run worker\` running?`,
      };
    }
    const pending = [...status.pending, ...status.changed];
    return {
      ok: false,
      database: "ok",
      migrations: "pending",
      pending,
      problem: `migrations not applied: ${pending.join(", ")} (npm start applies them)`,
    };
  } catch (error) {
    const code = classifyDatabaseError(error)?.code ?? (error as { code?: string }).code ?? "unknown";
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      ok: false,
      database: "unreachable",
      migrations: "unknown",
      problem: `database unreachable (${code}): ${message}`,
    };
  }
}
