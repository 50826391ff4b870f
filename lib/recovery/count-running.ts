import type { Db } from "../db/client";

/** Recoveries still running in the whole database (every org): read through the status index. */
export async function countRunningRecoveries(db: Db): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM recoveries WHERE status = 'running'`,
  );
  return rows[0].n;
}
