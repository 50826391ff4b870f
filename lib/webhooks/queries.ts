import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";

export async function getWebhook(db: Db, orgId: string, id: string) {
  const webhook = await db.prisma.webhook.findFirst({ where: { id, orgId } });
  if (!webhook) throw new NotFoundError("Webhook");
  return webhook;
}

/** The org's webhooks, newest first, keyset-paged. */
export async function listWebhooks(db: Db, orgId: string, page: { limit: number; cursor?: string }) {
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.prisma.webhook.findMany({
    where: {
      orgId,
      ...(cursor && { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > page.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
