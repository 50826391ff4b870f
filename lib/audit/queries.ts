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

/** "user:<id>" → the member's email, "token:<id>" → "API token", for the console's audit page. */
export async function describeActors(db: Db, orgId: string, actors: string[]): Promise<Map<string, string>> {
  const userIds = actors.filter((a) => a.startsWith("user:")).map((a) => a.slice(5));
  const users = userIds.length
    ? await db.prisma.user.findMany({ where: { orgId, id: { in: userIds } }, select: { id: true, email: true } })
    : [];
  const labels = new Map<string, string>();
  for (const actor of actors) {
    const user = users.find((u) => `user:${u.id}` === actor);
    labels.set(
      actor,
      user ? user.email : actor.startsWith("token:") ? "API token" : actor === "system" ? "System" : actor,
    );
  }
  return labels;
}
