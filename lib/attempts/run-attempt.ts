import type { AttemptTrigger } from "@prisma/client";
import { newId } from "../ids";
import type { Logger } from "../log";
import { observeAttempt } from "../metrics/observe-attempt";
import type { Send } from "../transport/types";
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
  /** Where the attempt's log line goes (failures at info, successes at debug). */
  log?: Logger;
};

export type AttemptOutcome = { number: number; attempt: AttemptRecord };

/**
 * One attempt of one delivery, whatever asked for it: sign with the given valid secrets (newest
 * first) and a fresh request_id, send, then record the attempt and the delivery's new state as
 * the trigger's rule says. `sent` runs as soon as the exchange ends, before the write.
 */
export async function runAttempt(
  deps: AttemptDeps,
  trigger: AttemptTrigger,
  target: AttemptTarget,
  secrets: string[],
  sent?: () => void,
): Promise<AttemptOutcome> {
  const requestId = newId("req");
  const request = buildOutgoingRequest({
    url: target.url,
    body: target.body,
    eventType: target.eventType,
    deliveryId: target.id,
    requestId,
    secrets,
    now: deps.now(),
  });
  const result = await deps.send(request);
  sent?.();
  // Counted here, once, whatever the trigger: a new trigger is measured without another hook.
  observeAttempt(trigger, result, { delivery: target, requestId, log: deps.log });
  const next = TRIGGERS[trigger].next({
    ok: result.ok,
    scheduledAttempts: target.scheduledAttempts,
    retryScheduleMs: deps.retryScheduleMs,
    now: deps.now(),
  });
  const attempt: AttemptRecord = {
    deliveryId: target.id,
    orgId: target.orgId,
    webhookId: target.webhookId,
    requestId,
    trigger,
    request,
    result,
    next,
    workerId: deps.workerId,
  };
  return { number: await deps.record(attempt), attempt };
}
