import type { AttemptTrigger } from "@prisma/client";
import type { Db } from "../db/client";
import { hotStatement } from "../db/named-statements";
import { recordSeenCertificates } from "../cert-watch/record-certificate";
import { DELIVERY_ERROR_CODE } from "../failures/reasons";
import type { OutgoingRequest, SendResult } from "../transport/types";
import { newId } from "../ids";
import type { NextState } from "../dispatch/schedule";
import { findReceiverRequestId } from "../tracing/receiver-request-id";
import { traceIdOf } from "../tracing/traceparent";
import { TRIGGERS } from "./triggers";

export type AttemptRecord = {
  deliveryId: string;
  orgId: string;
  webhookId: string;
  requestId: string;
  trigger: AttemptTrigger;
  request: OutgoingRequest;
  result: SendResult;
  /** The delivery's new state (null: none); when it applies is the trigger's rule. */
  next: NextState | null;
  workerId?: string;
};

/**
 * Writes the attempt and the delivery's new state in one statement. The attempt is always kept,
 * even when the state change no longer applies (a Replay succeeded meanwhile, the lease expired):
 * the request did reach the receiver, and the log must say so. Returns the attempt's number.
 */
export async function recordAttempt(db: Db, attempt: AttemptRecord): Promise<number> {
  return (await recordAttempts(db, [attempt]))[0];
}

// When the new state applies (`TRIGGERS[trigger].applies`): `lease` = while this worker holds the
// lease, the delivery is unsettled and its webhook still enabled (disabling parked it: an attempt
// that was in flight must not schedule another); `always` = regardless; `never` = no state change.
const APPLIES = `(i.applies = 'always' OR (i.applies = 'lease' AND d.lease_owner = i.worker_id AND d.status IN ('pending', 'retrying')
  AND d.webhook_id IN (SELECT id FROM webhooks WHERE enabled)))`;

// One statement for any number of attempts (the dispatcher's write-behind batches): each row of
// `input` bumps its delivery's attempt counter and the attempt takes the bumped number, exactly
// as for a single attempt. Delivery ids must be distinct within one call.
const RECORD_SQL = `WITH input AS (
   SELECT i.*, decode(i.response_body_hex, 'hex') AS response_body
     FROM json_to_recordset($1::json) AS i(delivery_id text, id text, request_id text, trigger "AttemptTrigger",
       started_at timestamptz, duration_ms int, request_headers jsonb, response_status int, response_headers jsonb,
       response_body_hex text, response_body_truncated boolean, error_code text, reason text, message text, url text,
       next_status "DeliveryStatus", next_attempt_at timestamptz, applies text, worker_id text, scheduled_increment int,
       receiver_request_id text, trace_id text)
 ), bump AS (
   UPDATE deliveries d SET
     attempt_count = d.attempt_count + 1,
     scheduled_attempts = d.scheduled_attempts + CASE WHEN ${APPLIES} THEN i.scheduled_increment ELSE 0 END,
     activity_at = i.started_at,
     last_request_id = i.request_id, last_status_code = i.response_status, last_error_code = i.error_code,
     last_reason = i.reason, last_duration_ms = i.duration_ms, last_receiver_request_id = i.receiver_request_id,
     status = CASE WHEN ${APPLIES} THEN i.next_status ELSE d.status END,
     next_attempt_at = CASE WHEN ${APPLIES} THEN i.next_attempt_at ELSE d.next_attempt_at END,
     lease_owner = CASE WHEN ${APPLIES} THEN NULL ELSE d.lease_owner END,
     lease_expires_at = CASE WHEN ${APPLIES} THEN NULL ELSE d.lease_expires_at END
   FROM input i
   WHERE d.id = i.delivery_id
   RETURNING d.id, d.attempt_count, d.org_id, d.webhook_id
 )
 INSERT INTO delivery_attempts (id, delivery_id, org_id, webhook_id, request_id, number, trigger, url, started_at,
   duration_ms, request_headers, response_status, response_headers, response_body, response_body_truncated,
   error_code, reason, message, receiver_request_id, trace_id)
 SELECT i.id, i.delivery_id, bump.org_id, bump.webhook_id, i.request_id, bump.attempt_count, i.trigger, i.url, i.started_at,
   i.duration_ms, i.request_headers, i.response_status, i.response_headers, i.response_body, i.response_body_truncated,
   i.error_code, i.reason, i.message, i.receiver_request_id, i.trace_id
   FROM input i JOIN bump ON bump.id = i.delivery_id
 RETURNING delivery_id, number`;

/**
 * Records several attempts of distinct deliveries in one statement, with the semantics of
 * `recordAttempt` for each. Returns their numbers in input order (0 for a delivery that no
 * longer exists).
 */
export async function recordAttempts(db: Db, attempts: AttemptRecord[]): Promise<number[]> {
  if (attempts.length === 0) return [];
  // One JSON document rather than twenty parameter arrays: JSON.stringify is native, where the
  // driver builds and escapes array literals element by element (most of the dispatcher's garbage).
  const rows = attempts.map((attempt) => {
    const { result, request } = attempt;
    const rule = TRIGGERS[attempt.trigger];
    return {
      delivery_id: attempt.deliveryId,
      id: newId("att"),
      request_id: attempt.requestId,
      trigger: attempt.trigger,
      started_at: result.startedAt,
      duration_ms: result.durationMs,
      request_headers: request.headers,
      response_status: result.status,
      response_headers: result.headers,
      response_body_hex: result.body === null ? null : result.body.toString("hex"),
      response_body_truncated: result.bodyTruncated,
      ...failureColumns(result),
      url: request.url,
      next_status: attempt.next?.status ?? "pending",
      next_attempt_at: attempt.next?.nextAttemptAt ?? null,
      applies: attempt.next === null ? "never" : rule.applies,
      worker_id: attempt.workerId ?? null,
      scheduled_increment: rule.scheduled ? 1 : 0,
      receiver_request_id: findReceiverRequestId(result.headers),
      trace_id: traceIdOf(request.headers.traceparent),
    };
  });
  // Named where the server allows it (lib/db/named-statements.ts): its input is one JSON
  // document whatever the batch, so the plan kept for the connection fits every batch.
  const { rows: written } = await db.pool.query<{ delivery_id: string; number: number }>(
    await hotStatement(db, "novavms_record_attempts", RECORD_SQL, [JSON.stringify(rows)]),
  );
  await recordSeenCertificates(db, attempts);
  const numbers = new Map(written.map((row) => [row.delivery_id, row.number]));
  return attempts.map((attempt) => numbers.get(attempt.deliveryId) ?? 0);
}

/** What the log keeps of an attempt's outcome: null on success, else the error code and reason. */
export function failureColumns(result: SendResult) {
  return {
    error_code: result.ok ? null : DELIVERY_ERROR_CODE,
    reason: result.failure?.reason ?? null,
    message: result.failure?.message ?? null,
  };
}
