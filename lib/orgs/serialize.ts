import type { Org } from "@prisma/client";

/** The API's shape of an organisation. */
export function serializeOrg(org: Org) {
  return {
    id: org.id,
    name: org.name,
    external_id: org.externalId,
    max_webhooks: org.maxWebhooks,
    events_per_second: org.eventsPerSecond,
    created_at: org.createdAt.toISOString(),
  };
}
