import type { DeliveryStatus } from "@prisma/client";

export type NextState = { status: DeliveryStatus; nextAttemptAt: Date | null };

/**
 * The delivery's state after scheduled attempt number `attemptNumber` (1-based). With the default
 * schedule 1m,5m,15m,1h,6h a failed attempt k is retried after schedule[k-1]; the sixth failure
 * gives up.
 */
export function stateAfterScheduledAttempt(
  attemptNumber: number,
  ok: boolean,
  scheduleMs: number[],
  now: Date,
): NextState {
  if (ok) return { status: "succeeded", nextAttemptAt: null };
  const delay = scheduleMs[attemptNumber - 1];
  if (delay === undefined) return { status: "failed", nextAttemptAt: null };
  return { status: "retrying", nextAttemptAt: new Date(now.getTime() + delay) };
}

/** 1 + the number of retries: the "n of 6" in the console. */
export function maxScheduledAttempts(scheduleMs: number[]): number {
  return scheduleMs.length + 1;
}
