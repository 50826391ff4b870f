import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { getSigningInfo } from "../signing/signing-info";

/**
 * The current signing secret in clear, for the Signing tab's Reveal. Every reveal is audited, so
 * "who has seen this secret" has an answer when deciding whether to rotate it.
 * Throws NotFoundError for a webhook of another org.
 */
export async function revealSigningSecret(
  { db, cipher }: Pick<AppContext, "db" | "cipher">,
  caller: Caller,
  input: { webhookId: string },
): Promise<string> {
  const { orgId } = authorize(caller, "webhook.secret.reveal");
  const { secret } = await getSigningInfo(db, cipher, orgId, input.webhookId);
  await recordAudit(db.prisma, {
    orgId,
    actor: caller,
    action: "webhook.secret.reveal",
    targetType: "webhook",
    targetId: input.webhookId,
  });
  return secret;
}
