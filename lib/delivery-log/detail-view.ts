import type { AttemptTrigger, DeliveryStatus } from "@prisma/client";
import { deliveryFigures, type DeliveryFigures, type FigureSettings } from "../failures/figures";
import { previewBody, type BodyPreview } from "./body-preview";
import { buildCurlCommand } from "./curl";
import {
  attemptLabel,
  describeFailure,
  errorCodeHref,
  formatDuration,
  formatRelative,
  formatTimestamp,
  troubleshootingHref,
} from "./format";
import type { AttemptRow, DeliveryRow } from "./serialize";

// What the delivery detail page shows, computed from the stored rows: every value a receiver sent
// back stays a plain string here and is rendered as text by React, never as markup.

export type Stamp = { text: string; iso: string };

export type AttemptDetail = {
  requestId: string;
  number: number;
  trigger: AttemptTrigger;
  /** The receiver's own id for the request, when it answered with one. */
  receiverRequestId: string | null;
  traceId: string | null;
  startedAt: Stamp;
  duration: string;
  ok: boolean;
  /** The request exactly as sent: every header (signatures included) and the event's bytes. */
  request: { url: string; headers: [string, string][]; body: string };
  /** A shell command that sends the same request again. */
  curl: string;
  /** Null when nothing came back (timeout before the headers, TLS, DNS, refused, …). */
  response: { status: number | null; headers: [string, string][]; body: BodyPreview } | null;
  failure: {
    code: string;
    reason: string | null;
    title: string;
    message: string | null;
    advice: string[];
    troubleshootingHref: string | null;
    errorCodeHref: string;
  } | null;
};

export type DeliveryDetail = {
  id: string;
  status: DeliveryStatus;
  eventType: string;
  eventId: string;
  webhookId: string;
  webhookUrl: string;
  created: Stamp;
  attempts: string;
  /** The next scheduled attempt while one is due (pending or retrying). */
  nextAttempt: (Stamp & { relative: string }) | null;
  /** Newest first. */
  timeline: AttemptDetail[];
};

export function buildDeliveryDetail(
  row: DeliveryRow,
  attemptRows: AttemptRow[],
  settings: FigureSettings,
  now: Date,
): DeliveryDetail {
  const figures = deliveryFigures(settings);
  const manual = attemptRows.filter((a) => a.trigger !== "scheduled").length;
  const unsettled = row.status === "pending" || row.status === "retrying";
  return {
    id: row.id,
    status: row.status,
    eventType: row.event_type,
    eventId: row.event_id,
    webhookId: row.webhook_id,
    webhookUrl: row.webhook_url,
    created: stamp(row.created_at),
    attempts: attemptLabel({
      scheduledAttempts: row.scheduled_attempts,
      attemptCount: row.scheduled_attempts + manual,
      maxAttempts: figures.attempts,
    }),
    nextAttempt:
      unsettled && row.next_attempt_at
        ? { ...stamp(row.next_attempt_at), relative: formatRelative(row.next_attempt_at, now) }
        : null,
    timeline: [...attemptRows]
      .sort((a, b) => b.number - a.number)
      .map((attempt) => toAttemptDetail(attempt, row.event_body, figures)),
  };
}

function toAttemptDetail(attempt: AttemptRow, body: Buffer, figures: DeliveryFigures): AttemptDetail {
  const headers = Object.entries(attempt.request_headers);
  const noResponse = attempt.response_status === null && attempt.response_headers === null;
  const failure = attempt.error_code
    ? {
        code: attempt.error_code,
        reason: attempt.reason,
        message: attempt.message,
        ...describeFailure(attempt.reason, figures),
        troubleshootingHref: troubleshootingHref(attempt.reason),
        errorCodeHref: errorCodeHref(attempt.reason, attempt.error_code),
      }
    : null;
  return {
    requestId: attempt.request_id,
    number: attempt.number,
    trigger: attempt.trigger,
    receiverRequestId: attempt.receiver_request_id,
    traceId: attempt.trace_id,
    startedAt: stamp(attempt.started_at),
    duration: formatDuration(attempt.duration_ms),
    ok: attempt.error_code === null,
    request: { url: attempt.url, headers, body: body.toString("utf8") },
    curl: buildCurlCommand({ url: attempt.url, headers: attempt.request_headers, body }),
    response: noResponse
      ? null
      : {
          status: attempt.response_status,
          headers: Object.entries(attempt.response_headers ?? {}),
          body: previewBody(attempt.response_body, attempt.response_body_truncated),
        },
    failure,
  };
}

function stamp(date: Date): Stamp {
  return { text: formatTimestamp(date), iso: date.toISOString() };
}
