import type { Db } from "../db/client";
import { decodeCursor, encodeCursor } from "../api/cursor";
import type { AuditEventListQuery } from "./list-query";

export type AuditEventView = {
  id: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  created_at: string;
};

/**
 * One page of the org's audit log, newest first, with keyset cursors (served by the
 * `(org_id, created_at DESC)` index). `actor` matches exactly ("user:<id>", "token:<id>",
 * "system"); `action` matches a whole action or a prefix ending in "." ("webhook." = every
 * webhook change).
 */
export async function listAuditEvents(db: Db, orgId: string, query: AuditEventListQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.prisma.auditLog.findMany({
    where: {
      orgId,
      ...(query.actor && { actor: query.actor }),
      ...(query.action &&
        (query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action })),
      ...(cursor && { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row): AuditEventView => ({
      id: row.id,
      actor: row.actor,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      details: (row.details ?? {}) as Record<string, unknown>,
      created_at: row.createdAt.toISOString(),
    })),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The distinct actors and actions of the org, for the console's filter choices. */
export async function listAuditFilterChoices(db: Db, orgId: string) {
  const [actors, actions] = await Promise.all([
    db.prisma.auditLog.findMany({ where: { orgId }, distinct: ["actor"], select: { actor: true }, take: 200 }),
    db.prisma.auditLog.findMany({ where: { orgId }, distinct: ["action"], select: { action: true }, take: 200 }),
  ]);
  return { actors: actors.map((a) => a.actor).sort(), actions: actions.map((a) => a.action).sort() };
}
