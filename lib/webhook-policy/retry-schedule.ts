import { z } from "zod";
import { parseDuration } from "../parse-duration";

// A webhook's own retry schedule (same syntax as NOVAVMS_RETRY_SCHEDULE), overriding the default
// for that webhook only: the demo webhooks carry a short one, every other webhook the article's.

export const MAX_RETRY_STEPS = 10;
export const MAX_RETRY_STEP_MS = 7 * 86_400_000;

/** "1m, 5m,15m" → "1m,5m,15m": at most 10 steps, each a duration of at most 7 days. */
export const retryScheduleSchema = z.string().transform((value, ctx) => {
  const parts = value.split(",").map((part) => part.trim());
  const ms = parts.map(parseDuration);
  if (ms.some((m) => m === null || m <= 0)) {
    ctx.addIssue({ code: "custom", message: `expected durations like "1m,5m,15m,1h,6h", got "${value}"` });
    return z.NEVER;
  }
  if (parts.length > MAX_RETRY_STEPS) {
    ctx.addIssue({ code: "custom", message: `at most ${MAX_RETRY_STEPS} steps` });
    return z.NEVER;
  }
  if (ms.some((m) => m! > MAX_RETRY_STEP_MS)) {
    ctx.addIssue({ code: "custom", message: "each step at most 7d" });
    return z.NEVER;
  }
  return parts.join(",");
});

const parsed = new Map<string, number[]>();

/** The delays of a webhook's schedule in ms, or `fallback` (the configured default) when it has none. */
export function retryScheduleMs(schedule: string | null | undefined, fallback: number[]): number[] {
  if (!schedule) return fallback;
  let ms = parsed.get(schedule);
  if (!ms) {
    // Stored values passed the schema; a value that no longer parses falls back rather than stalls.
    ms = schedule.split(",").map((part) => parseDuration(part.trim()) ?? 0);
    if (ms.some((m) => m <= 0)) return fallback;
    if (parsed.size > 1_000) parsed.clear();
    parsed.set(schedule, ms);
  }
  return ms;
}
