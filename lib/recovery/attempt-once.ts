import type { Db } from "../db/client";
import type { Send, SendResult } from "../delivery/types";
import { sendAttempt } from "../dispatch/build-request";
import { recordAttempt } from "../dispatch/record-attempt";
import { withMaskedCustomHeaders } from "../webhook-policy/custom-headers";

export type AttemptTarget = {
  deliveryId: string;
  orgId: string;
  webhookId: string;
  url: string;
  body: Buffer;
  eventType: string;
  /** The webhook's valid signing secrets, newest first. */
  secrets: string[];
  customHeaders?: Record<string, string>;
};

/**
 * One attempt outside the retry schedule, with trigger `recovery`: signed with the current
 * secrets, a fresh request_id, the same bytes; recorded with the delivery's new state. Success
 * settles the delivery as Succeeded; a failure changes nothing but the log (no new schedule).
 */
export async function attemptOnce(
  deps: { db: Db; send: Send },
  target: AttemptTarget,
  now: Date,
): Promise<{ requestId: string; result: SendResult }> {
  const { requestId, request, result } = await sendAttempt(deps.send, {
    url: target.url,
    body: target.body,
    eventType: target.eventType,
    deliveryId: target.deliveryId,
    secrets: target.secrets,
    now,
    customHeaders: target.customHeaders,
  });
  await recordAttempt(deps.db, {
    deliveryId: target.deliveryId,
    orgId: target.orgId,
    webhookId: target.webhookId,
    requestId,
    trigger: "recovery",
    request: withMaskedCustomHeaders(request, target.customHeaders),
    result,
    next: result.ok ? { status: "succeeded", nextAttemptAt: null } : null,
  });
  return { requestId, result };
}
