import type { Db } from "../../lib/db/client";
import { STATISTICS_TABLES } from "../../lib/db/statistics";
import { explainStatement, recordingDb, type Statement } from "../../lib/testing/statements";

// A Db whose pool remembers the last statement it ran, so the exact SQL and parameters of a lib/
// query (as the page runs it) can be EXPLAINed.

export type Probe = { db: Db; last: () => Statement };

export function probeDb(db: Db): Probe {
  let last: Statement = { text: "", values: [] };
  return { db: recordingDb(db, (statement) => (last = statement)), last: () => last };
}

// The tables that grow with traffic (the ones the worker keeps statistics of). A lookup table of a
// few pages (an org's webhooks) may be read whole when the planner finds that cheaper than its
// index; that is not a scan to fix.
const LARGE_TABLES = new Set<string>(STATISTICS_TABLES);

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, and the large tables it reads by a sequential scan. */
export async function explain(db: Db, statement: Statement): Promise<{ plan: string; seqScans: string[] }> {
  const plan = (await explainStatement(db, statement, { explain: "ANALYZE, BUFFERS" })) as string;
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((table) => LARGE_TABLES.has(table));
  return { plan, seqScans };
}
