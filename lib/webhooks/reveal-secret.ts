import { recordAudit, type Actor } from "../audit/record";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { getSigningInfo } from "../signing/signing-info";

/**
 * The current signing secret in clear, for the Signing tab's Reveal. Every reveal is audited, so
 * "who has seen this secret" has an answer when deciding whether to rotate it.
 * Throws NotFoundError for a webhook of another org.
 */
export async function revealSigningSecret(
  db: Db,
  cipher: Cipher,
  input: { orgId: string; webhookId: string; actor: Actor },
): Promise<string> {
  const { secret } = await getSigningInfo(db, cipher, input.orgId, input.webhookId);
  await recordAudit(db.prisma, {
    orgId: input.orgId,
    actor: input.actor,
    action: "webhook.secret.reveal",
    targetType: "webhook",
    targetId: input.webhookId,
  });
  return secret;
}
