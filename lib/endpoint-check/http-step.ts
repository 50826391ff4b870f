import { bodyAsText } from "../delivery-log/body-preview";
import type { SendResult } from "../transport/types";
import { findReceiverRequestId } from "../tracing/receiver-request-id";
import { adviceFor, failedStep, SECRET_ADVICE } from "./advice";
import type { CheckStep } from "./types";

/**
 * Step 4 judged: the signed webhook.test attempt against the delivery budget. A 2xx slower than
 * `warnAfterMs` (half the budget) is a warning: the same endpoint a little slower fails.
 */
export function judgeHttp(
  sent: { result: SendResult; requestId: string },
  budget: { timeoutMs: number; warnAfterMs: number },
): CheckStep {
  const { result } = sent;
  const headers = result.headers ?? {};
  const detail = {
    status: result.status,
    first_byte_ms: result.firstByteMs ?? null,
    total_ms: result.durationMs,
    budget_ms: budget.timeoutMs,
    body: bodyAsText(result.body, result.bodyTruncated),
    body_truncated: result.bodyTruncated,
    request_id: sent.requestId,
    receiver_request_id: findReceiverRequestId(result.headers),
    ...(headers.location ? { location: headers.location } : {}),
  };
  const base = { name: "http" as const, duration_ms: result.durationMs, detail };
  const seconds = (ms: number) => (ms / 1000).toFixed(1);

  if (result.ok) {
    if (result.durationMs <= budget.warnAfterMs) return { ...base, status: "ok" };
    return {
      ...base,
      status: "warning",
      reason: "timeout",
      cause: `Your endpoint answered in ${seconds(result.durationMs)} s, close to the ${seconds(budget.timeoutMs)} s limit: a little slower and deliveries fail with timeout.`,
      fix: adviceFor("timeout"),
    };
  }
  const failure = result.failure!;
  const status = result.status;
  if (status !== null && status >= 300 && status < 400) {
    const where = headers.location ? ` to ${headers.location}` : "";
    return failedStep(
      base,
      "http_status",
      `Your endpoint answered HTTP ${status}, a redirect${where}. Redirects are not followed, so every delivery fails.`,
      [`Set the webhook URL to the address it redirects to${headers.location ? ` (${headers.location})` : ""}.`],
    );
  }
  if (status === 401 || status === 403) {
    return failedStep(
      base,
      "http_status",
      `Your endpoint answered HTTP ${status}: it refused the request, most often because its signature verification failed.`,
      [SECRET_ADVICE],
    );
  }
  if (failure.reason === "timeout") {
    return failedStep(base, "timeout", `${failure.message} The limit is ${seconds(budget.timeoutMs)} s.`);
  }
  return failedStep(base, failure.reason, failure.message);
}
