import type { Db } from "../db/client";

export type RetentionWindow = {
  /** 0 when everything is kept. */
  days: number;
  /** The org's oldest event still stored; null when it has none. */
  oldest: Date | null;
};

/** How far back the org's delivery log reaches (served by events' (org_id, created_at) index). */
export async function getRetentionWindow(db: Db, orgId: string, days: number): Promise<RetentionWindow> {
  const { rows } = await db.pool.query<{ oldest: Date | null }>(
    `SELECT min(created_at) AS oldest FROM events WHERE org_id = $1`,
    [orgId],
  );
  return { days, oldest: rows[0]?.oldest ?? null };
}
