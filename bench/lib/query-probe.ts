import type { Db } from "../../lib/db/client";
import { recordingDb, type Statement } from "../../lib/testing/statements";

// A Db whose pool remembers the last statement it ran, so the exact SQL and parameters of a lib/
// query (as the page runs it) can be EXPLAINed.

export type Probe = { db: Db; last: () => Statement };

export function probeDb(db: Db): Probe {
  let last: Statement = { text: "", values: [] };
  return { db: recordingDb(db, (statement) => (last = statement)), last: () => last };
}

// The tables that grow with traffic. A lookup table of a few pages (an org's webhooks) may be
// read whole when the planner finds that cheaper than its index; that is not a scan to fix.
const LARGE_TABLES = new Set(["deliveries", "delivery_attempts", "events"]);

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, and the large tables it reads by a sequential scan. */
export async function explain(
  db: Db,
  statement: { text: string; values: unknown[] },
): Promise<{ plan: string; seqScans: string[] }> {
  const { rows } = await db.pool.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
    statement.values,
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((table) => LARGE_TABLES.has(table));
  return { plan, seqScans };
}
