import type { AttemptTrigger } from "@prisma/client";
import { recordAttempt, type AttemptRecord } from "../attempts/record-attempt";
import { runAttempt } from "../attempts/run-attempt";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { newId } from "../ids";
import type { OutgoingRequest, SendResult } from "../transport/types";

export type OneOffResult = {
  deliveryId: string;
  attemptId: string | null;
  requestId: string;
  request: OutgoingRequest;
  result: SendResult;
};

/**
 * A diagnostic event sent once, now, to one webhook, and kept in its log like any delivery: the
 * event, a delivery that is never retried (settled by this one attempt, as the trigger's row in
 * `lib/attempts/triggers.ts` says) and the attempt. The attempt is `runAttempt`'s, like every
 * other; the caller has already found the webhook within its org.
 */
export async function sendOneOffEvent(
  ctx: Pick<AppContext, "db" | "send" | "now">,
  input: {
    orgId: string;
    webhookId: string;
    url: string;
    type: string;
    data: Record<string, unknown>;
    secrets: string[];
    trigger: Extract<AttemptTrigger, "check" | "secret_check">;
  },
): Promise<OneOffResult> {
  const { db } = ctx;
  const now = ctx.now();
  const eventId = newId("evt");
  const deliveryId = newId("dlv");
  const body = Buffer.from(
    JSON.stringify({ id: eventId, type: input.type, created_at: now.toISOString(), data: input.data }),
  );
  // Sent first, stored after: a delivery that exists only once its one attempt is known is never
  // seen pending (and never picked up by the dispatcher or re-queued when the webhook is enabled).
  const store = async (attempt: AttemptRecord): Promise<number> => {
    await db.prisma
      .$transaction([
        db.prisma.event.create({ data: { id: eventId, orgId: input.orgId, type: input.type, body, createdAt: now } }),
        // No next_attempt_at: the dispatcher never claims it, and enabling the webhook does not queue it.
        db.prisma.delivery.create({
          data: {
            id: deliveryId,
            orgId: input.orgId,
            webhookId: input.webhookId,
            eventId,
            eventType: input.type,
            status: attempt.next?.status ?? "failed",
            nextAttemptAt: null,
            createdAt: now,
            activityAt: now,
          },
        }),
      ])
      .catch((error: unknown) => {
        // The webhook was deleted while its endpoint was answering.
        if ((error as { code?: unknown }).code === "P2003") throw new NotFoundError("Webhook");
        throw error;
      });
    return recordAttempt(db, attempt);
  };
  const { attempt } = await runAttempt(
    { send: ctx.send, record: store, now: () => now },
    input.trigger,
    {
      id: deliveryId,
      orgId: input.orgId,
      webhookId: input.webhookId,
      eventType: input.type,
      url: input.url,
      body,
      scheduledAttempts: 0,
    },
    input.secrets,
  );
  const stored = await db.prisma.deliveryAttempt.findUnique({
    where: { requestId: attempt.requestId },
    select: { id: true },
  });
  return {
    deliveryId,
    attemptId: stored?.id ?? null,
    requestId: attempt.requestId,
    request: attempt.request,
    result: attempt.result,
  };
}
