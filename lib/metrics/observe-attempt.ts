import type { AttemptTrigger } from "@prisma/client";
import type { SendResult } from "../transport/types";
import type { Logger } from "../log";
import { loadedTracing } from "../tracing/load";
import { claimTraceparent } from "./observe";
import { getMetrics } from "./registry";

/**
 * One attempt's telemetry, after it ran: the counters and histogram, its span when tracing is on,
 * and its log line (failures at info, successes at debug) with request_id, delivery_id,
 * webhook_id and the trace id. Never a header, body, secret or signature.
 */
export function observeAttempt(
  trigger: AttemptTrigger,
  result: SendResult,
  attempt: { delivery: { id: string; webhookId: string }; requestId: string; log?: Logger },
): void {
  const metrics = getMetrics();
  const outcome = result.ok ? "succeeded" : "failed";
  const reason = result.failure?.reason ?? null;
  metrics.attempts.inc({ outcome, reason: reason ?? "", trigger });
  metrics.attemptDuration.observe({ outcome }, result.durationMs / 1000);

  const tracing = loadedTracing();
  const traceId = tracing?.recordAttempt({
    // A claimed delivery has its claim span; any other attempt joins the request that asked for it.
    parent: claimTraceparent(attempt.delivery) ?? tracing.activeTraceparent(),
    trigger,
    requestId: attempt.requestId,
    deliveryId: attempt.delivery.id,
    webhookId: attempt.delivery.webhookId,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    ok: result.ok,
    status: result.status,
    reason,
  });
  const log = attempt.log;
  if (!log || !log.isLevelEnabled(result.ok ? "debug" : "info")) return;
  const line = {
    request_id: attempt.requestId,
    delivery_id: attempt.delivery.id,
    webhook_id: attempt.delivery.webhookId,
    trigger,
    outcome,
    status: result.status,
    reason,
    duration_ms: result.durationMs,
    ...(traceId && { trace_id: traceId }),
  };
  if (result.ok) log.debug(line, "delivery attempt succeeded");
  else log.info(line, "delivery attempt failed");
}
