import type { Db } from "../db/client";
import { getMetrics } from "./registry";

// Gauges read from the database at scrape time. The due count and the oldest due delivery come
// from the next_attempt_at index (only due rows are read, at most DUE_CAP); the per-status
// counts read the whole table, so they are refreshed at most every STATUS_REFRESH_MS.

const STATUS_REFRESH_MS = 30_000;
const DUE_CAP = 100_000;
const STATUSES = ["pending", "retrying", "succeeded", "failed"] as const;
let statusRefreshedAt = 0;

export async function refreshDatabaseGauges(db: Db, now = new Date()): Promise<void> {
  const metrics = getMetrics();
  const [due, oldest, disabled] = await Promise.all([
    db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM deliveries
          WHERE next_attempt_at <= $1 AND (lease_expires_at IS NULL OR lease_expires_at <= $1)
          LIMIT ${DUE_CAP}) due`,
      [now],
    ),
    db.pool.query<{ at: Date }>(
      `SELECT next_attempt_at AS at FROM deliveries
        WHERE next_attempt_at <= $1 AND (lease_expires_at IS NULL OR lease_expires_at <= $1)
        ORDER BY next_attempt_at LIMIT 1`,
      [now],
    ),
    db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhooks WHERE NOT enabled`),
  ]);
  metrics.deliveriesDue.set(due.rows[0].n);
  metrics.oldestDueAge.set(oldest.rows[0] ? Math.max(0, (now.getTime() - oldest.rows[0].at.getTime()) / 1000) : 0);
  metrics.webhooksDisabled.set(disabled.rows[0].n);
  if (now.getTime() - statusRefreshedAt >= STATUS_REFRESH_MS) {
    const { rows } = await db.pool.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM deliveries GROUP BY status`,
    );
    for (const status of STATUSES) metrics.deliveries.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    statusRefreshedAt = now.getTime();
  }
}

/** For tests: the next refresh reads the per-status counts again. */
export function forgetStatusCounts(): void {
  statusRefreshedAt = 0;
}
