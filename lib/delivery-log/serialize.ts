import type { AttemptTrigger, DeliveryStatus } from "@prisma/client";
import { bodyAsText } from "./body-preview";

export type DeliveryRow = {
  id: string;
  org_id: string;
  webhook_id: string;
  webhook_url: string;
  event_id: string;
  event_type: string;
  event_body: Buffer;
  status: DeliveryStatus;
  attempt_count: number;
  scheduled_attempts: number;
  next_attempt_at: Date | null;
  created_at: Date;
  activity_at: Date;
  last_request_id: string | null;
  last_status_code: number | null;
  last_error_code: string | null;
  last_reason: string | null;
  last_duration_ms: number | null;
  last_receiver_request_id: string | null;
};

export type AttemptRow = {
  request_id: string;
  number: number;
  trigger: AttemptTrigger;
  url: string;
  started_at: Date;
  duration_ms: number;
  request_headers: Record<string, string>;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: Buffer | null;
  response_body_truncated: boolean;
  error_code: string | null;
  reason: string | null;
  message: string | null;
  receiver_request_id: string | null;
  trace_id: string | null;
};

/** A delivery in the API's shape (without attempts, as in lists). */
export function serializeDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    status: row.status,
    event: JSON.parse(row.event_body.toString("utf8")) as {
      id: string;
      type: string;
      created_at: string;
      data: unknown;
    },
    created_at: row.created_at.toISOString(),
    attempt_count: row.attempt_count,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    last_attempt:
      row.last_request_id === null
        ? null
        : {
            request_id: row.last_request_id,
            response_status: row.last_status_code,
            error_code: row.last_error_code,
            reason: row.last_reason,
            duration_ms: row.last_duration_ms,
            receiver_request_id: row.last_receiver_request_id,
            at: row.activity_at.toISOString(),
          },
  };
}

export function serializeAttempt(row: AttemptRow) {
  return {
    request_id: row.request_id,
    number: row.number,
    trigger: row.trigger,
    url: row.url,
    started_at: row.started_at.toISOString(),
    duration_ms: row.duration_ms,
    request_headers: row.request_headers,
    response_status: row.response_status,
    response_headers: row.response_headers,
    /** The first 1 KB as UTF-8 text; null when nothing came back or the body is binary. */
    response_body: bodyAsText(row.response_body, row.response_body_truncated),
    /** The same bytes, exactly as received. */
    response_body_base64: row.response_body?.toString("base64") ?? null,
    response_body_truncated: row.response_body_truncated,
    error_code: row.error_code,
    reason: row.reason,
    message: row.message,
    /** The receiver's own id for this request, from the first of its id headers found. */
    receiver_request_id: row.receiver_request_id,
    /** The trace id of the W3C traceparent sent with the attempt. */
    trace_id: row.trace_id,
  };
}

export type DeliveryView = ReturnType<typeof serializeDelivery>;
export type AttemptView = ReturnType<typeof serializeAttempt>;
