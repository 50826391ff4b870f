import type { Recovery } from "@prisma/client";
import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";

/** The API's and the console's shape of a recovery, with its progress. */
export type RecoveryView = {
  id: string;
  webhook_id: string | null;
  status: "running" | "completed" | "cancelled";
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  created_at: string;
  finished_at: string | null;
  filters: unknown;
};

export async function getRecovery(db: Db, orgId: string, id: string): Promise<RecoveryView> {
  const recovery = await db.prisma.recovery.findFirst({ where: { id, orgId } });
  if (!recovery) throw new NotFoundError("Recovery");
  return (await withProgress(db, [recovery]))[0];
}

/** Newest first, `limit` per page. */
export async function listRecoveries(
  db: Db,
  orgId: string,
  query: { limit: number; cursor?: string; webhook_id?: string },
): Promise<{ data: RecoveryView[]; next_cursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.prisma.recovery.findMany({
    where: {
      orgId,
      ...(query.webhook_id ? { webhookId: query.webhook_id } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: await withProgress(db, page),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

async function withProgress(db: Db, recoveries: Recovery[]): Promise<RecoveryView[]> {
  if (recoveries.length === 0) return [];
  const { rows } = await db.pool.query<{ recovery_id: string; state: string; count: string }>(
    `SELECT recovery_id, state, count(*) AS count FROM recovery_items
      WHERE recovery_id = ANY($1::text[]) AND state IN ('succeeded', 'failed') GROUP BY recovery_id, state`,
    [recoveries.map((r) => r.id)],
  );
  const counts = new Map<string, { succeeded: number; failed: number }>();
  for (const row of rows) {
    const entry = counts.get(row.recovery_id) ?? { succeeded: 0, failed: 0 };
    entry[row.state as "succeeded" | "failed"] = Number(row.count);
    counts.set(row.recovery_id, entry);
  }
  return recoveries.map((recovery) => {
    const { succeeded, failed } = counts.get(recovery.id) ?? { succeeded: 0, failed: 0 };
    return {
      id: recovery.id,
      webhook_id: recovery.webhookId,
      status: recovery.status,
      total: recovery.total,
      done: succeeded + failed,
      succeeded,
      failed,
      created_at: recovery.createdAt.toISOString(),
      finished_at: recovery.finishedAt?.toISOString() ?? null,
      filters: recovery.filters,
    };
  });
}

/** The running recovery that covers this webhook (its own, or the org-wide one), or of the org when no webhook is given. */
export async function findRunningRecovery(db: Db, orgId: string, webhookId?: string): Promise<RecoveryView | null> {
  const recovery = await db.prisma.recovery.findFirst({
    where: {
      orgId,
      status: "running",
      ...(webhookId ? { OR: [{ webhookId }, { webhookId: null }] } : { webhookId: null }),
    },
    orderBy: { createdAt: "desc" },
  });
  return recovery ? (await withProgress(db, [recovery]))[0] : null;
}
