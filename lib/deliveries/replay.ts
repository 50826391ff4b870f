import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import type { Send } from "../delivery/types";
import { sendAttempt } from "../dispatch/build-request";
import { recordAttempt } from "../dispatch/record-attempt";
import { NotFoundError } from "../errors";
import { recordAudit, type Actor } from "../audit/record";
import { loadValidSecrets } from "../webhooks/signing-secrets";
import { loadCustomHeaders, withMaskedCustomHeaders } from "../webhook-policy/custom-headers";
import { getDelivery } from "./queries";

/**
 * Replay: one attempt now, outside the schedule (trigger `manual`), with a fresh request_id, the
 * current secrets and the same bytes. Success settles the delivery as Succeeded and cancels its
 * pending retries; a failure changes nothing but the log. Returns the new attempt.
 */
export async function replayDelivery(
  deps: { db: Db; cipher: Cipher; send: Send },
  input: { orgId: string; deliveryId: string; actor: Actor },
) {
  const { row } = await getDelivery(deps.db, input.orgId, input.deliveryId);
  const now = new Date();
  const secrets = (await loadValidSecrets(deps.db, deps.cipher, [row.webhook_id], now)).get(row.webhook_id);
  if (!secrets) throw new NotFoundError("Webhook");
  const customHeaders = await loadCustomHeaders(deps.db, deps.cipher, row.webhook_id);
  const { requestId, request, result } = await sendAttempt(deps.send, {
    url: row.webhook_url,
    body: row.event_body,
    eventType: row.event_type,
    deliveryId: row.id,
    secrets,
    now,
    customHeaders,
  });
  await recordAttempt(deps.db, {
    deliveryId: row.id,
    orgId: row.org_id,
    webhookId: row.webhook_id,
    requestId,
    trigger: "manual",
    request: withMaskedCustomHeaders(request, customHeaders),
    result,
    next: result.ok ? { status: "succeeded", nextAttemptAt: null } : null,
  });
  await deps.db.prisma.$transaction((tx) =>
    recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "delivery.replay",
      targetType: "delivery",
      targetId: row.id,
      details: { request_id: requestId, ok: result.ok },
    }),
  );
  const { view } = await getDelivery(deps.db, input.orgId, input.deliveryId);
  return { attempt: view.attempts.find((a) => a.request_id === requestId)!, delivery: view };
}
