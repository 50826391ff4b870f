import type { NextState } from "../dispatch/schedule";
import type { SendResult } from "../transport/types";

// An endpoint that answers 429 or 503 with Retry-After says when it can take the next request:
// the next attempt comes no earlier than that, capped at the schedule's last step so a hostile
// or mistaken header cannot park a delivery for a year.

/** The wait Retry-After asks for in ms (delta-seconds or an HTTP date), or null when absent or malformed. */
export function retryAfterMs(result: SendResult, now: Date): number | null {
  if (result.status !== 429 && result.status !== 503) return null;
  const value = result.headers?.["retry-after"]?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/** The state after a scheduled attempt, with its next attempt moved later when Retry-After asks for it. */
export function applyRetryAfter(next: NextState, result: SendResult, scheduleMs: number[], now: Date): NextState {
  if (next.status !== "retrying" || !next.nextAttemptAt) return next;
  const wait = retryAfterMs(result, now);
  if (wait === null) return next;
  const capped = Math.min(wait, Math.max(...scheduleMs));
  const asked = new Date(now.getTime() + capped);
  return asked > next.nextAttemptAt ? { ...next, nextAttemptAt: asked } : next;
}
