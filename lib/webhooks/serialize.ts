import type { Webhook } from "@prisma/client";

/** The API's shape of a webhook. */
export function serializeWebhook(webhook: Webhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    event_types: webhook.eventTypes,
    enabled: webhook.enabled,
    disabled_reason: webhook.enabled ? null : (webhook.disabledReason ?? "manual"),
    disabled_at: webhook.enabled ? null : (webhook.disabledAt?.toISOString() ?? null),
    retry_schedule: webhook.retrySchedule,
    rate_limit_per_second: webhook.rateLimitPerSecond,
    // Values may be secrets: stored encrypted, never read back through the API.
    headers: webhook.customHeaderNames.map((name) => ({ name })),
    // "alerts": an alert destination, which receives NovaVMS's operational events only.
    purpose: webhook.purpose,
    created_at: webhook.createdAt.toISOString(),
    /** The endpoint's leaf TLS certificate as last seen by an attempt or a check; null for http or before any. */
    certificate: webhook.certificateExpiresAt
      ? {
          expires_at: webhook.certificateExpiresAt.toISOString(),
          issuer: webhook.certificateIssuer ?? "",
          checked_at: webhook.certificateCheckedAt?.toISOString() ?? null,
        }
      : null,
  };
}
