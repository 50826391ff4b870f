import { FAILURE_REASONS, type FailureReason } from "../failures/reasons";
import type { CheckStep } from "./types";

// A failed or warning step carries the same advice the delivery detail shows for its reason, so
// the check and the log never disagree about what to change.

/** The advice of a reason, with any step-specific sentences first. */
export function adviceFor(reason: FailureReason, first: string[] = []): string[] {
  return [...first, ...FAILURE_REASONS[reason].advice.filter((line) => !first.includes(line))];
}

export function failedStep(
  step: Omit<CheckStep, "status" | "reason" | "cause" | "fix">,
  reason: FailureReason,
  cause: string,
  fixFirst: string[] = [],
): CheckStep {
  return { ...step, status: "failed", reason, cause, fix: adviceFor(reason, fixFirst) };
}

/** The article's sentence about the signing secret, for a 401 or 403. */
export const SECRET_ADVICE = FAILURE_REASONS.http_status.advice.find((line) => line.includes("API token"))!;
