import type { AppContext } from "../context";
import { createApiToken } from "../auth/api-tokens";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/record";
import { lockOrg } from "./lock";

// The org's API token is what producers send as `Authorization: Bearer …`. It is kept encrypted
// (not only hashed) so an admin can reveal it again; both reveal and regenerate are audited.

/** The token of the caller's org in clear. */
export async function revealApiToken(
  { db, cipher }: Pick<AppContext, "db" | "cipher">,
  caller: Caller,
): Promise<string> {
  const { orgId } = authorize(caller, "api_token.reveal");
  const token = await db.prisma.apiToken.findFirst({
    where: { orgId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, tokenEncrypted: true },
  });
  if (!token) throw new NotFoundError("API token");
  await recordAudit(db.prisma, {
    orgId,
    actor: caller,
    action: "api_token.reveal",
    targetType: "api_token",
    targetId: token.id,
  });
  return cipher.decrypt(token.tokenEncrypted);
}

/** Revokes every live token of the org and issues a new one; the old one stops working at once. */
export async function regenerateApiToken(
  { db, cipher, now }: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
): Promise<string> {
  const { orgId } = authorize(caller, "api_token.regenerate");
  return db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, orgId);
    const revoked = await tx.apiToken.updateMany({ where: { orgId, revokedAt: null }, data: { revokedAt: now() } });
    const token = await createApiToken(tx, cipher, orgId);
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "api_token.regenerate",
      targetType: "org",
      targetId: orgId,
      details: { revoked: revoked.count, prefix: token.slice(0, 9) },
    });
    return token;
  });
}
