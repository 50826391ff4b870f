import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";

/**
 * The secrets each webhook signs with right now, newest first: the current one and any previous
 * one still inside its rotation grace period. Read fresh for every batch, so a rotation takes
 * effect on the next attempt.
 */
export async function loadValidSecrets(
  db: Db,
  cipher: Cipher,
  webhookIds: string[],
  now: Date,
): Promise<Map<string, string[]>> {
  const rows = await db.prisma.signingSecret.findMany({
    where: { webhookId: { in: webhookIds }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { webhookId: true, secretEncrypted: true },
  });
  const secrets = new Map<string, string[]>();
  for (const row of rows) {
    const list = secrets.get(row.webhookId) ?? [];
    list.push(cipher.decrypt(row.secretEncrypted));
    secrets.set(row.webhookId, list);
  }
  return secrets;
}

export type SigningInfo = {
  secret: string;
  created_at: string;
  previous: Array<{ created_at: string; expires_at: string }>;
};

/** The Signing tab and `GET /webhooks/{id}/signing`: the current secret and the ones still valid. */
export async function getSigningInfo(
  db: Db,
  cipher: Cipher,
  orgId: string,
  webhookId: string,
  now = new Date(),
): Promise<SigningInfo> {
  const rows = await db.prisma.signingSecret.findMany({
    where: { webhookId, webhook: { orgId }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const current = rows.find((row) => row.expiresAt === null);
  if (!current) throw new NotFoundError("Webhook");
  return {
    secret: cipher.decrypt(current.secretEncrypted),
    created_at: current.createdAt.toISOString(),
    previous: rows
      .filter((row) => row.expiresAt !== null)
      .map((row) => ({ created_at: row.createdAt.toISOString(), expires_at: row.expiresAt!.toISOString() })),
  };
}
