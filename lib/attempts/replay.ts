import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { fetchDeliveryRow } from "../delivery-log/queries";
import { serializeAttempt, type AttemptRow } from "../delivery-log/serialize";
import { NotFoundError } from "../errors";
import { recordAudit } from "../audit/record";
import { loadValidSecrets } from "../signing/valid-secrets";
import { DEFAULT_AUTO_DISABLE_MS } from "../endpoint-health/defaults";
import { loadAttemptPolicy } from "./attempt-policy";
import { findReceiverRequestId } from "../tracing/receiver-request-id";
import { traceIdOf } from "../tracing/traceparent";
import { failureColumns, recordAttempt, type AttemptRecord } from "./record-attempt";
import { runAttempt } from "./run-attempt";

/**
 * Replay: one attempt now, outside the schedule (trigger `manual`), with a fresh request_id, the
 * current secrets and the same bytes. Success settles the delivery as Succeeded and cancels its
 * pending retries; a failure changes nothing but the log. The webhook's policy applies as to any
 * attempt (custom headers, rate limit, endpoint health). Returns the new attempt.
 */
export async function replayDelivery(
  deps: Pick<AppContext, "db" | "cipher" | "send" | "now"> & Partial<Pick<AppContext, "config" | "log">>,
  caller: Caller,
  input: { deliveryId: string },
) {
  const { orgId } = authorize(caller, "delivery.replay");
  const row = await fetchDeliveryRow(deps.db, orgId, input.deliveryId);
  const secrets = await loadValidSecrets(deps.db, deps.cipher, row.org_id, row.webhook_id, deps.now());
  if (secrets.length === 0) throw new NotFoundError("Webhook");
  const policy = await loadAttemptPolicy(deps.db, deps.cipher, row.webhook_id);
  const autoDisableAfterMs = deps.config?.autoDisableAfterMs ?? DEFAULT_AUTO_DISABLE_MS;
  const { number, attempt } = await runAttempt(
    {
      send: deps.send,
      record: (a) => recordAttempt(deps.db, a),
      now: deps.now,
      endpoint: { db: deps.db, autoDisableAfterMs },
      log: deps.log,
    },
    "manual",
    {
      id: row.id,
      orgId: row.org_id,
      webhookId: row.webhook_id,
      eventType: row.event_type,
      url: row.webhook_url,
      body: row.event_body,
      scheduledAttempts: row.scheduled_attempts,
      policy,
    },
    secrets,
  );
  await deps.db.prisma.$transaction((tx) =>
    recordAudit(tx, {
      orgId,
      actor: caller,
      action: "delivery.replay",
      targetType: "delivery",
      targetId: row.id,
      details: { request_id: attempt.requestId, ok: attempt.result.ok },
    }),
  );
  return {
    attempt: serializeAttempt(attemptRow(attempt, number)),
    delivery: { id: row.id, webhook_id: row.webhook_id },
  };
}

/** The attempt as the log stores it, without reading it back. */
function attemptRow(attempt: AttemptRecord, number: number): AttemptRow {
  const { request, result } = attempt;
  return {
    request_id: attempt.requestId,
    number,
    trigger: attempt.trigger,
    url: request.url,
    started_at: result.startedAt,
    duration_ms: result.durationMs,
    request_headers: request.headers,
    response_status: result.status,
    response_headers: result.headers,
    response_body: result.body,
    response_body_truncated: result.bodyTruncated,
    ...failureColumns(result),
    receiver_request_id: findReceiverRequestId(result.headers),
    trace_id: traceIdOf(request.headers.traceparent),
  };
}
