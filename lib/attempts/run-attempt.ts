import type { AttemptTrigger } from "@prisma/client";
import { newId } from "../ids";
import type { Logger } from "../log";
import { observeAttempt, startAttemptSpan } from "../metrics/observe-attempt";
import { newTraceparent } from "../tracing/traceparent";
import type { OutgoingRequest, Send, SendResult } from "../transport/types";
import { withMaskedCustomHeaders } from "../webhook-policy/custom-headers";
import { releaseTurn } from "../webhook-policy/rate-limit";
import { noteOutcome, waitForTurn, type AttemptPolicy, type EndpointDeps } from "./attempt-policy";
import { buildOutgoingRequest } from "./build-request";
import type { AttemptRecord } from "./record-attempt";
import { TRIGGERS } from "./triggers";

/** The delivery an attempt is for (the dispatcher's claimed row has exactly these fields). */
export type AttemptTarget = {
  id: string;
  orgId: string;
  webhookId: string;
  eventType: string;
  url: string;
  /** The event's exact bytes: what is signed is what is sent. */
  body: Buffer;
  /** Scheduled attempts made so far. */
  scheduledAttempts: number;
  /** The webhook's delivery policy and health (custom headers, own schedule, rate limit). */
  policy?: AttemptPolicy;
};

export type AttemptDeps = {
  send: Send;
  /** Writes the attempt and the delivery's new state; resolves with the attempt's number. */
  record: (attempt: AttemptRecord) => Promise<number>;
  now: () => Date;
  /** For the triggers that follow the retry schedule. */
  retryScheduleMs?: number[];
  /** The worker holding the delivery's lease (scheduled attempts). */
  workerId?: string;
  /** For the rate limit shared across workers and the endpoint's health (auto-disable). */
  endpoint?: EndpointDeps;
  /** Where the attempt's log line goes (failures at info, successes at debug). */
  log?: Logger;
};

export type AttemptOutcome = { number: number; attempt: AttemptRecord };

/**
 * One attempt of one delivery, whatever asked for it: sign with the given valid secrets (newest
 * first) and a fresh request_id, send, then record the attempt and the delivery's new state as
 * the trigger's rule says. `sent` runs as soon as the exchange ends, before the write. The
 * webhook's policy applies to every trigger: its rate limit is waited for, its custom headers are
 * sent (and masked in the log), its own schedule and Retry-After decide a retry, and the outcome
 * updates the endpoint's health.
 */
export async function runAttempt(
  deps: AttemptDeps,
  trigger: AttemptTrigger,
  target: AttemptTarget,
  secrets: string[],
  sent?: () => void,
): Promise<AttemptOutcome> {
  const { policy } = target;
  const turn = await waitForTurn(deps.endpoint, target.webhookId, policy);
  const requestId = newId("req");
  // The one place an attempt's traceparent is decided: with tracing on, the attempt span's
  // context, so the receiver's trace continues ours; off, a new trace id per attempt.
  const span = startAttemptSpan(target);
  // The rate-limit turn is released at the moment the send stamps as the attempt's start (or
  // now, when it never got that far): the webhook's next turn comes one interval after it.
  const hooks = turn ? { onStart: (startedAt: number) => void releaseTurn(turn, startedAt) } : undefined;
  let request: OutgoingRequest;
  let result: SendResult;
  try {
    request = buildOutgoingRequest({
      url: target.url,
      body: target.body,
      eventType: target.eventType,
      deliveryId: target.id,
      requestId,
      secrets,
      now: deps.now(),
      customHeaders: policy?.customHeaders,
      traceparent: span?.traceparent ?? newTraceparent().header,
    });
    result = await deps.send(request, hooks);
  } finally {
    const failed = turn && (await releaseTurn(turn));
    if (failed)
      deps.log?.warn(
        { err: failed, webhook_id: target.webhookId },
        "rate-limit turn not released; it lapses by itself",
      );
  }
  sent?.();
  // Counted here, once, whatever the trigger: a new trigger is measured without another hook.
  observeAttempt(trigger, result, { delivery: target, requestId, log: deps.log, span });
  const next = TRIGGERS[trigger].next({
    ok: result.ok,
    scheduledAttempts: target.scheduledAttempts,
    retryScheduleMs: policy?.retryScheduleMs ?? deps.retryScheduleMs,
    now: deps.now(),
    result,
  });
  const attempt: AttemptRecord = {
    deliveryId: target.id,
    orgId: target.orgId,
    webhookId: target.webhookId,
    requestId,
    trigger,
    request: withMaskedCustomHeaders(request, policy?.customHeaders),
    result,
    next,
    workerId: deps.workerId,
  };
  const number = await deps.record(attempt);
  await noteOutcome(deps.endpoint, attempt, policy, deps.now());
  return { number, attempt };
}
