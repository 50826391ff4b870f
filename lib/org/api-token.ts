import type { AppContext } from "../context";
import { createApiToken } from "../auth/api-tokens";
import { assertAdmin, type Actor } from "../auth/roles";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/record";
import { lockOrg } from "./lock";

// The org's API token is what producers send as `Authorization: Bearer …`. It is kept encrypted
// (not only hashed) so an admin can reveal it again; both reveal and regenerate are audited.

type Deps = Pick<AppContext, "db" | "cipher">;

/** The token in clear, for an admin of its org. */
export async function revealApiToken({ db, cipher }: Deps, actor: Actor): Promise<string> {
  assertAdmin(actor);
  const token = await db.prisma.apiToken.findFirst({
    where: { orgId: actor.orgId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, tokenEncrypted: true },
  });
  if (!token) throw new NotFoundError("API token");
  await recordAudit(db.prisma, {
    orgId: actor.orgId,
    actor: `user:${actor.id}`,
    action: "api_token.reveal",
    targetType: "api_token",
    targetId: token.id,
  });
  return cipher.decrypt(token.tokenEncrypted);
}

/** Revokes every live token of the org and issues a new one; the old one stops working at once. */
export async function regenerateApiToken({ db, cipher }: Deps, actor: Actor, now = new Date()): Promise<string> {
  assertAdmin(actor);
  return db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, actor.orgId);
    const revoked = await tx.apiToken.updateMany({
      where: { orgId: actor.orgId, revokedAt: null },
      data: { revokedAt: now },
    });
    const token = await createApiToken(tx, cipher, actor.orgId);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: `user:${actor.id}`,
      action: "api_token.regenerate",
      targetType: "org",
      targetId: actor.orgId,
      details: { revoked: revoked.count, prefix: token.slice(0, 9) },
    });
    return token;
  });
}
