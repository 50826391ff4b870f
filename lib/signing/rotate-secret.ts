import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { newId } from "../ids";
import { generateSigningSecret } from "./secret";
import { getSigningInfo, type SigningInfo } from "./signing-info";
import { MAX_PREVIOUS_SECRETS } from "./secret-limits";

/**
 * A new current secret. The old one keeps signing (as a second signature) until
 * `now + graceSeconds`; 0 retires it at once. Secrets already in a grace period keep theirs, but
 * only the newest MAX_PREVIOUS_SECRETS stay valid: older ones expire now.
 */
export async function rotateSigningSecret(
  ctx: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
  request: { webhookId: string; graceSeconds: number },
): Promise<SigningInfo> {
  const { orgId } = authorize(caller, "webhook.secret.rotate");
  const { db, cipher } = ctx;
  const now = ctx.now();
  const input = { ...request, orgId, actor: caller };
  const expiresAt = new Date(now.getTime() + input.graceSeconds * 1000);
  await db.prisma.$transaction(async (tx) => {
    // Lock the webhook row so two rotations at once cannot both retire the same secret.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM webhooks WHERE id = ${input.webhookId} AND org_id = ${input.orgId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("Webhook");
    await tx.signingSecret.updateMany({ where: { webhookId: input.webhookId, expiresAt: null }, data: { expiresAt } });
    await tx.$executeRaw`
      UPDATE signing_secrets SET expires_at = ${now}
       WHERE webhook_id = ${input.webhookId} AND expires_at > ${now}
         AND id NOT IN (SELECT id FROM signing_secrets WHERE webhook_id = ${input.webhookId} AND expires_at > ${now}
                         ORDER BY created_at DESC, id DESC LIMIT ${MAX_PREVIOUS_SECRETS})`;
    await tx.signingSecret.create({
      data: {
        id: newId("whs"),
        webhookId: input.webhookId,
        secretEncrypted: cipher.encrypt(generateSigningSecret()),
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "webhook.secret.rotate",
      targetType: "webhook",
      targetId: input.webhookId,
      details: { grace_period_seconds: input.graceSeconds },
    });
  });
  return getSigningInfo(db, cipher, input.orgId, input.webhookId, now);
}
