import type { FailureReason } from "../failures/reasons";

// The answer of Check endpoint, as the API returns it and the console keeps it ("last check").

export type StepName = "dns" | "tcp" | "tls" | "http";
export type StepStatus = "ok" | "warning" | "failed" | "skipped";
export type Verdict = "ok" | "warning" | "failing";

export type CheckStep = {
  name: StepName;
  status: StepStatus;
  duration_ms: number;
  detail: Record<string, unknown>;
  /** The delivery failure reason this step would end a delivery with (failed), or risks (warning). */
  reason?: FailureReason;
  /** What is wrong, in one sentence about this endpoint. */
  cause?: string;
  /** What to change: the troubleshooting article's advice for the reason. */
  fix?: string[];
};

export type CheckResult = {
  checked_at: string;
  url: string;
  verdict: Verdict;
  steps: CheckStep[];
  /** The recorded attempt of the HTTP step (trigger `check`); absent when an earlier step failed. */
  attempt_id?: string;
  request_id?: string;
  delivery_id?: string;
};

export function skipped(name: StepName): CheckStep {
  return { name, status: "skipped", duration_ms: 0, detail: {} };
}

export function verdictOf(steps: CheckStep[]): Verdict {
  if (steps.some((step) => step.status === "failed")) return "failing";
  if (steps.some((step) => step.status === "warning")) return "warning";
  return "ok";
}
