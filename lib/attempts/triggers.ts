import type { AttemptTrigger } from "@prisma/client";
import { stateAfterScheduledAttempt, type NextState } from "../dispatch/schedule";
import { applyRetryAfter } from "../endpoint-health/retry-after";
import type { SendResult } from "../transport/types";

export type TriggerContext = {
  ok: boolean;
  /** Scheduled attempts made before this one. */
  scheduledAttempts: number;
  /** Needed by the triggers that follow the retry schedule. */
  retryScheduleMs?: number[];
  now: Date;
  /** What came back (its Retry-After may move a retry later). */
  result: SendResult;
};

export type TriggerRule = {
  /** Counts toward the retry schedule (the "n of 6" in the console). */
  scheduled: boolean;
  /**
   * When the new state applies: `lease` = only while this worker holds the lease and the
   * delivery is unsettled (a slow attempt must not undo a Replay); `always` = regardless.
   */
  applies: "lease" | "always";
  /** The delivery's state after the attempt; null leaves it as it is (only the log changes). */
  next: (context: TriggerContext) => NextState | null;
};

const SUCCEEDED: NextState = { status: "succeeded", nextAttemptAt: null };

/**
 * What each kind of attempt does to its delivery. A new kind of attempt is a value of the
 * `AttemptTrigger` enum and one row here; everything else about an attempt is shared.
 */
export const TRIGGERS: Record<AttemptTrigger, TriggerRule> = {
  // The dispatcher's attempt on the retry schedule: success settles, failure retries or gives up.
  scheduled: {
    scheduled: true,
    applies: "lease",
    next: ({ ok, scheduledAttempts, retryScheduleMs, now, result }) => {
      if (!retryScheduleMs) throw new Error("A scheduled attempt needs the retry schedule.");
      const next = stateAfterScheduledAttempt(scheduledAttempts + 1, ok, retryScheduleMs, now);
      return applyRetryAfter(next, result, retryScheduleMs, now);
    },
  },
  // Replay: success settles the delivery and cancels its retries; a failure changes only the log.
  manual: { scheduled: false, applies: "always", next: ({ ok }) => (ok ? SUCCEEDED : null) },
  // Bulk recovery of Failed deliveries: success settles the delivery as Succeeded; a failure
  // leaves it Failed (only the log changes) and schedules nothing.
  recovery: { scheduled: false, applies: "always", next: ({ ok }) => (ok ? SUCCEEDED : null) },
  // Check endpoint's HTTP step and Verify new secret: a delivery of its own, settled by its one
  // attempt (never retried, never claimed by the dispatcher).
  check: { scheduled: false, applies: "always", next: settledByOneAttempt },
  secret_check: { scheduled: false, applies: "always", next: settledByOneAttempt },
};

function settledByOneAttempt({ ok }: TriggerContext): NextState {
  return ok ? SUCCEEDED : { status: "failed", nextAttemptAt: null };
}
