import type { Prisma } from "@prisma/client";
import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { sendOneOffEvent } from "../endpoint-check/send-one-off";
import { NotFoundError } from "../errors";

export const SECRET_CHECK_EVENT_TYPE = "webhook.secret_check";

export type SecretVerification = {
  /** A 2xx: the endpoint verifies deliveries signed with the newest secret alone. */
  accepted: boolean;
  response_status: number | null;
  request_id: string;
  checked_at: string;
  /** Why it was not accepted when no status came back (timeout, TLS, …); null otherwise. */
  reason: string | null;
};

/**
 * Verify new secret: a webhook.secret_check event signed only with the current (newest) secret,
 * in both header schemes, recorded with trigger `secret_check`. The outcome is kept on the secret,
 * so the Signing tab says whether the grace period can end.
 */
export async function verifyNewSecret(
  deps: Pick<AppContext, "db" | "cipher" | "send" | "now">,
  caller: Caller,
  request: { webhookId: string },
): Promise<SecretVerification> {
  const { orgId } = authorize(caller, "webhook.secret.verify");
  const input = { ...request, orgId, actor: caller };
  const now = deps.now();
  const current = await deps.db.prisma.signingSecret.findFirst({
    where: { webhookId: input.webhookId, webhook: { orgId: input.orgId }, expiresAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, secretEncrypted: true, webhook: { select: { url: true } } },
  });
  if (!current) throw new NotFoundError("Webhook");

  const sent = await sendOneOffEvent(deps, {
    orgId: input.orgId,
    webhookId: input.webhookId,
    url: current.webhook.url,
    type: SECRET_CHECK_EVENT_TYPE,
    data: { message: "Signed only with the newest signing secret: a 2xx answer means your endpoint uses it." },
    secrets: [deps.cipher.decrypt(current.secretEncrypted)],
    trigger: "secret_check",
  });
  const verification: SecretVerification = {
    accepted: sent.result.ok,
    response_status: sent.result.status,
    request_id: sent.requestId,
    checked_at: now.toISOString(),
    reason: sent.result.status === null ? (sent.result.failure?.reason ?? null) : null,
  };
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.signingSecret.update({
      where: { id: current.id },
      data: { verification: verification as unknown as Prisma.InputJsonObject },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "webhook.secret.verify",
      targetType: "webhook",
      targetId: input.webhookId,
      details: { accepted: verification.accepted, request_id: verification.request_id },
    });
  });
  return verification;
}
