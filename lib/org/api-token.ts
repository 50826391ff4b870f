import type { AppContext } from "../context";
import { createApiToken, MAIN_TOKEN } from "../auth/api-tokens";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/record";
import { lockOrg } from "./lock";

// The org's main API token (scope `all`) is what producers send as `Authorization: Bearer …`
// unless they have a named token of their own (named-tokens.ts). It is kept encrypted (not only
// hashed) so an admin can reveal it again; both reveal and regenerate are audited.

/** The token of the caller's org in clear. */
export async function revealApiToken(
  { db, cipher }: Pick<AppContext, "db" | "cipher">,
  caller: Caller,
): Promise<string> {
  const { orgId } = authorize(caller, "api_token.reveal");
  const token = await db.prisma.apiToken.findFirst({
    where: { orgId, revokedAt: null, ...MAIN_TOKEN },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, tokenEncrypted: true },
  });
  if (!token?.tokenEncrypted) throw new NotFoundError("API token");
  await recordAudit(db.prisma, {
    orgId,
    actor: caller,
    action: "api_token.reveal",
    targetType: "api_token",
    targetId: token.id,
  });
  return cipher.decrypt(token.tokenEncrypted);
}

/** Revokes the org's live main token and issues a new one; the old one stops working at once. Named tokens stay. */
export async function regenerateApiToken(
  { db, cipher, now }: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
): Promise<string> {
  const { orgId } = authorize(caller, "api_token.regenerate");
  return db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, orgId);
    const revoked = await tx.apiToken.updateMany({
      where: { orgId, revokedAt: null, ...MAIN_TOKEN },
      data: { revokedAt: now() },
    });
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
