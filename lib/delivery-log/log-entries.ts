import type { DeliveryStatus } from "@prisma/client";
import { attemptLabel, formatDuration, formatTimestamp } from "./format";
import type { DeliveryRow } from "./serialize";

/**
 * One row of the console's delivery log, as plain serialisable values for the client table: no
 * event body (it can be large and the log does not show it), times already formatted.
 */
export type DeliveryLogEntry = {
  id: string;
  webhookId: string;
  webhookUrl: string;
  eventType: string;
  eventId: string;
  status: DeliveryStatus;
  /** The latest attempt's HTTP status; null before any attempt or when none came back. */
  httpStatus: number | null;
  errorCode: string | null;
  reason: string | null;
  attempt: string;
  duration: string;
  /** The latest attempt, or the creation while pending. */
  time: string;
  timeIso: string;
  requestId: string | null;
  /** The receiver's own id for the latest attempt, when it sent one. */
  receiverRequestId: string | null;
};

export function toLogEntries(rows: DeliveryRow[], maxAttempts: number): DeliveryLogEntry[] {
  return rows.map((row) => ({
    id: row.id,
    webhookId: row.webhook_id,
    webhookUrl: row.webhook_url,
    eventType: row.event_type,
    eventId: row.event_id,
    status: row.status,
    httpStatus: row.last_status_code,
    errorCode: row.last_error_code,
    reason: row.last_reason,
    attempt: attemptLabel({ scheduledAttempts: row.scheduled_attempts, attemptCount: row.attempt_count, maxAttempts }),
    duration: formatDuration(row.last_duration_ms),
    time: formatTimestamp(row.activity_at),
    timeIso: row.activity_at.toISOString(),
    requestId: row.last_request_id,
    receiverRequestId: row.last_receiver_request_id,
  }));
}
