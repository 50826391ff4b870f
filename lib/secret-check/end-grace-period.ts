import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { getSigningInfo, type SigningInfo } from "../signing/signing-info";

/**
 * End grace period now: every previous secret still in its grace period expires at once, so only
 * the newest secret signs from the next attempt on (the sender reads the valid secrets per batch).
 */
export async function endGracePeriod(
  ctx: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
  request: { webhookId: string },
): Promise<SigningInfo & { expired: number }> {
  const { orgId } = authorize(caller, "webhook.secret.expire_previous");
  const { db, cipher } = ctx;
  const now = ctx.now();
  const input = { ...request, orgId, actor: caller };
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
