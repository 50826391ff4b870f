import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { maskSecret } from "./mask-secret";
import { getSigningInfo, type SigningInfo } from "../signing/signing-info";

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
  return {
    items,
    next_cursor: rows.length > page.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The org's webhook, or null (pages answer 404 rather than throwing). */
export async function findWebhook(db: Db, orgId: string, id: string) {
  return db.prisma.webhook.findFirst({ where: { id, orgId } });
}

export type SigningSummary = {
  /** The current secret masked: the plain secret never leaves the server without a Reveal. */
  masked: string;
  createdAt: string;
  previous: SigningInfo["previous"];
};

/** The Signing tab's read: the current secret masked, and the previous ones still valid. */
export async function getSigningSummary(
  db: Db,
  cipher: Cipher,
  orgId: string,
  webhookId: string,
): Promise<SigningSummary> {
  const info = await getSigningInfo(db, cipher, orgId, webhookId);
  return { masked: maskSecret(info.secret), createdAt: info.created_at, previous: info.previous };
}
