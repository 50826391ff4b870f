import type { DeliveryStatus } from "@prisma/client";
import { withFigures, type DeliveryFigures } from "../failures/figures";
import { FAILURE_REASONS, type FailureReason } from "../failures/reasons";

// How the console words a delivery. Pure functions over plain values: the server and the browser
// produce the same text (no locale- or time-zone-dependent formatting), so hydration never differs.

/** Every status, in the order the console lists them (filters, overview counts). */
export const DELIVERY_STATUSES = [
  "pending",
  "retrying",
  "succeeded",
  "failed",
] as const satisfies readonly DeliveryStatus[];

export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  retrying: "Retrying",
  succeeded: "Succeeded",
  failed: "Failed",
};

/** `2026-11-28 15:02:47 UTC`: to the second, since attempts can be seconds apart. */
export function formatTimestamp(value: Date | string): string {
  const iso = (typeof value === "string" ? new Date(value) : value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `87 ms`, `1.4 s`; an em dash when there was no attempt. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `in 42 s`, `in 5 min`, `3 h ago`: the distance from `now`, rounded to one unit (two above an hour). */
export function formatRelative(target: Date, now: Date): string {
  const delta = target.getTime() - now.getTime();
  const seconds = Math.round(Math.abs(delta) / 1000);
  if (seconds < 1) return "now";
  let text: string;
  if (seconds < 60) text = `${seconds} s`;
  else if (seconds < 3600) text = `${Math.round(seconds / 60)} min`;
  else {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.round((seconds % 3600) / 60);
    text = minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  return delta > 0 ? `in ${text}` : `${text} ago`;
}

/**
 * "attempt 3 of 6": the position in the retry schedule. Replays are extra attempts outside the
 * schedule and are counted beside it ("attempt 6 of 6 + 1 Replay").
 */
export function attemptLabel(input: { scheduledAttempts: number; attemptCount: number; maxAttempts: number }): string {
  const { scheduledAttempts, attemptCount, maxAttempts } = input;
  if (attemptCount === 0) return "not sent yet";
  const manual = Math.max(0, attemptCount - scheduledAttempts);
  const replays = manual ? `${manual} Replay${manual === 1 ? "" : "s"}` : "";
  if (scheduledAttempts === 0) return replays;
  const scheduled = `attempt ${scheduledAttempts} of ${maxAttempts}`;
  return replays ? `${scheduled} + ${replays}` : scheduled;
}

/** The reason's title, e.g. "The request timed out"; a generic title for an unknown reason. */
export function failureTitle(reason: string | null): string {
  return reason && reason in FAILURE_REASONS
    ? FAILURE_REASONS[reason as FailureReason].title
    : "The delivery attempt failed";
}

/** The reason's title and the troubleshooting article's advice, with this process's figures. */
export function describeFailure(reason: string | null, figures: DeliveryFigures): { title: string; advice: string[] } {
  const advice = reason && reason in FAILURE_REASONS ? FAILURE_REASONS[reason as FailureReason].advice : [];
  return { title: failureTitle(reason), advice: advice.map((line) => withFigures(line, figures)) };
}

// The "Fix" section of the troubleshooting article that covers each reason, where one does.
const TROUBLESHOOTING_ANCHORS: Partial<Record<FailureReason, string>> = {
  http_status: "non-2xx",
  timeout: "timeout",
  tls_certificate_expired: "tls",
  tls_self_signed: "tls",
  tls_unknown_ca: "tls",
  tls_hostname_mismatch: "tls",
  tls_handshake: "tls",
};

/** `/docs/troubleshooting#tls` for a TLS reason; null when the article has no section for it. */
export function troubleshootingHref(reason: string | null): string | null {
  const anchor = reason ? TROUBLESHOOTING_ANCHORS[reason as FailureReason] : undefined;
  return anchor ? `/docs/troubleshooting#${anchor}` : null;
}

/** The reason's entry in the error code reference. */
export function errorCodeHref(reason: string | null, code: string): string {
  return `/docs/error-codes#${reason && reason in FAILURE_REASONS ? reason : code}`;
}
