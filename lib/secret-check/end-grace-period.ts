import { recordAudit, type Actor } from "../audit/record";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { getSigningInfo, type SigningInfo } from "../webhooks/signing-secrets";

/**
 * End grace period now: every previous secret still in its grace period expires at once, so only
 * the newest secret signs from the next attempt on (the sender reads the valid secrets per batch).
 */
export async function endGracePeriod(
  db: Db,
  cipher: Cipher,
  input: { orgId: string; webhookId: string; actor: Actor },
  now = new Date(),
): Promise<SigningInfo & { expired: number }> {
  const expired = await db.prisma.$transaction(async (tx) => {
    // The same lock as a rotation: the two never interleave.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM webhooks WHERE id = ${input.webhookId} AND org_id = ${input.orgId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("Webhook");
    const { count } = await tx.signingSecret.updateMany({
      where: { webhookId: input.webhookId, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "webhook.secret.expire_previous",
      targetType: "webhook",
      targetId: input.webhookId,
      details: { expired: count },
    });
    return count;
  });
  return { ...(await getSigningInfo(db, cipher, input.orgId, input.webhookId, now)), expired };
}
