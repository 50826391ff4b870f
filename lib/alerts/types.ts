/** NovaVMS's own events about endpoints, sent to the org's alert destinations. */
export const OPERATIONAL_EVENT_TYPES = [
  "endpoint.disabled",
  "delivery.exhausted",
  "recovery.completed",
  "endpoint.certificate_expiring",
] as const;

export type OperationalEventType = (typeof OPERATIONAL_EVENT_TYPES)[number];

/** The purpose of a webhook that is an alert destination (see the schema's Webhook.purpose). */
export const ALERTS_PURPOSE = "alerts";

/** delivery.exhausted is sent at most once per webhook per this window. */
export const EXHAUSTED_BATCH_MS = 15 * 60_000;

/** endpoint.certificate_expiring is sent at most once per webhook per certificate per this window. */
export const CERTIFICATE_ALERT_EVERY_MS = 24 * 60 * 60_000;
