import type { Db } from "../db/client";
import type { OutgoingRequest, Send, SendResult } from "../delivery/types";
import { sendAttempt } from "../dispatch/build-request";
import { recordAttempt } from "../dispatch/record-attempt";
import { NotFoundError } from "../errors";
import { newId } from "../ids";

export type OneOffResult = {
  deliveryId: string;
  attemptId: string | null;
  requestId: string;
  request: OutgoingRequest;
  result: SendResult;
};

/**
 * A diagnostic event sent once, now, to one webhook, and kept in its log like any delivery: the
 * event, a delivery that is never retried (settled by this one attempt) and the attempt with its
 * trigger. The caller has already found the webhook within its org.
 */
export async function sendOneOffEvent(
  deps: { db: Db; send: Send },
  input: {
    orgId: string;
    webhookId: string;
    url: string;
    type: string;
    data: Record<string, unknown>;
    secrets: string[];
    trigger: "check" | "secret_check";
    now: Date;
  },
): Promise<OneOffResult> {
  const eventId = newId("evt");
  const deliveryId = newId("dlv");
  const body = Buffer.from(
    JSON.stringify({ id: eventId, type: input.type, created_at: input.now.toISOString(), data: input.data }),
  );
  // Sent first, stored after: a delivery that exists only once its one attempt is known is never
  // seen pending (and never picked up by the dispatcher or re-queued when the webhook is enabled).
  const { requestId, request, result } = await sendAttempt(deps.send, {
    url: input.url,
    body,
    eventType: input.type,
    deliveryId,
    secrets: input.secrets,
    now: input.now,
  });
  await deps.db.prisma
    .$transaction([
      deps.db.prisma.event.create({
        data: { id: eventId, orgId: input.orgId, type: input.type, body, createdAt: input.now },
      }),
      // No next_attempt_at: the dispatcher never claims it, and enabling the webhook does not queue it.
      deps.db.prisma.delivery.create({
        data: {
          id: deliveryId,
          orgId: input.orgId,
          webhookId: input.webhookId,
          eventId,
          eventType: input.type,
          status: result.ok ? "succeeded" : "failed",
          nextAttemptAt: null,
          createdAt: input.now,
          activityAt: input.now,
        },
      }),
    ])
    .catch((error: unknown) => {
      // The webhook was deleted while its endpoint was answering.
      if ((error as { code?: unknown }).code === "P2003") throw new NotFoundError("Webhook");
      throw error;
    });
  await recordAttempt(deps.db, {
    deliveryId,
    orgId: input.orgId,
    webhookId: input.webhookId,
    requestId,
    trigger: input.trigger,
    request,
    result,
    next: { status: result.ok ? "succeeded" : "failed", nextAttemptAt: null },
  });
  const attempt = await deps.db.prisma.deliveryAttempt.findUnique({ where: { requestId }, select: { id: true } });
  return { deliveryId, attemptId: attempt?.id ?? null, requestId, request, result };
}
