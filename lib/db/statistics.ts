import type { AppContext } from "../context";
import type { Db } from "./client";

// The planner's statistics of the tables that grow with traffic, kept fresh by the worker.
//
// The dispatcher's claim reads each org's oldest due deliveries through the (org_id,
// next_attempt_at) index. Without statistics, or with statistics taken before a sudden backlog
// (100,000 deliveries of one org queued at once), PostgreSQL read them through another index
// instead and sorted the org's whole backlog in every claim: 250 ms a claim instead of 4 ms, so a
// quiet org's fresh event waited seconds (bench scenarios 11 and 12, 2026-12-06). Two things keep
// that from happening:
// - next_attempt_at keeps no statistics (migration 20261207004500): whatever was due when the
//   table was last analyzed, the planner reads the due index in its order
//   (lib/dispatch/claim-stale-statistics.test.ts);
// - the worker looks every second and analyzes a table once enough of it changed, as autovacuum
//   would, only sooner (autovacuum looks once a minute; the embedded database has none at all, so
//   its statistics were never taken), and a table that has none yet (a new install) at its first
//   rows: with no statistics of org_id the planner guesses the claim's turns as above.
// Where no autovacuum runs (the embedded database, or a server with it turned off) it also
// vacuums a table once a fifth of its rows are dead: otherwise every claim and result left its old
// row versions and index entries for good, and the embedded database's dispatcher slowed as they
// piled up (bench scenario 1: 1,003 deliveries/s at the full size against 2,314 at the quick one,
// 2026-12-06).

export const STATISTICS_TABLES = ["deliveries", "delivery_attempts", "events"] as const;
export const STATISTICS_EVERY_MS = 1_000;
/** A table is analyzed once this many rows, plus this share of its rows, changed since the last time. */
const BASE_CHANGES = 1_000;
const CHANGED_SHARE = 0.1;
/** Vacuumed, where nothing else does it, once this many dead rows, plus this share of its live ones, pile up. */
const BASE_DEAD = 1_000;
const DEAD_SHARE = 0.2;
/** One worker at a time analyzes (another would only wait for it, then do it again). */
const ADVISORY_LOCK_KEY = 7_240_318_112;

/**
 * Analyzes each of `tables` that changed enough since it was last analyzed (and vacuums those with
 * enough dead rows when no autovacuum runs); resolves with the tables it analyzed.
 */
export async function refreshStaleStatistics(db: Db, tables: readonly string[] = STATISTICS_TABLES): Promise<string[]> {
  const { rows } = await db.pool.query<{ relname: string; vacuum: boolean }>(
    `SELECT relname, vacuum FROM (
       SELECT relname, n_mod_since_analyze > $2::int + $3::float8 * n_live_tup
                OR (n_mod_since_analyze > 0 AND NOT EXISTS (
                      SELECT 1 FROM pg_stats s WHERE s.schemaname = t.schemaname AND s.tablename = t.relname)) AS stale,
              NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher')
                AND n_dead_tup > $4::int + $5::float8 * n_live_tup AS vacuum
         FROM pg_stat_user_tables t
        WHERE schemaname = current_schema() AND relname = ANY($1::text[])
     ) due
      WHERE stale OR vacuum`,
    [tables, BASE_CHANGES, CHANGED_SHARE, BASE_DEAD, DEAD_SHARE],
  );
  if (rows.length === 0) return [];
  const client = await db.pool.connect();
  try {
    const { rows: locked } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
      ADVISORY_LOCK_KEY,
    ]);
    if (!locked[0].ok) return [];
    try {
      // Names from the fixed list above, matched by the query: never from input.
      const stale = rows.filter((row) => tables.includes(row.relname));
      for (const { relname, vacuum } of stale)
        await client.query(vacuum ? `VACUUM (ANALYZE) "${relname}"` : `ANALYZE "${relname}"`);
      return stale.map((row) => row.relname);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** The worker's timer for it; a failure (the database away) is logged and tried again next time. */
export function startStatisticsUpkeep(context: Pick<AppContext, "db" | "log">): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = refreshStaleStatistics(context.db)
      .then((analyzed) => {
        if (analyzed.length) context.log.debug({ tables: analyzed }, "table statistics refreshed");
      })
      .catch((error) => context.log.debug({ err: error }, "table statistics not refreshed"))
      .finally(() => (running = null));
  }, STATISTICS_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
