import type { Webhook } from "@prisma/client";

/** The API's shape of a webhook. */
export function serializeWebhook(webhook: Webhook) {
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    event_types: webhook.eventTypes,
    enabled: webhook.enabled,
    created_at: webhook.createdAt.toISOString(),
  };
}
