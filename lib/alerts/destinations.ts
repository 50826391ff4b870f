import type { Actor } from "../audit/record";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { createWebhook } from "../webhooks/manage";
import { ALERTS_PURPOSE, OPERATIONAL_EVENT_TYPES } from "./types";

/**
 * An alert destination: a webhook of purpose "alerts" subscribed to the operational events. It
 * has its own signing secret (its Signing tab), and its deliveries go through the same
 * dispatcher, retries and log as any other; the org's own events never reach it.
 */
export async function createAlertDestination(db: Db, cipher: Cipher, orgId: string, url: string, actor: Actor) {
  return createWebhook(
    db,
    cipher,
    orgId,
    {
      url,
      description: "Alert destination: NovaVMS operational events",
      event_types: [...OPERATIONAL_EVENT_TYPES],
      enabled: true,
      purpose: ALERTS_PURPOSE,
    },
    actor,
  );
}

export async function listAlertDestinations(db: Db, orgId: string) {
  return db.prisma.webhook.findMany({
    where: { orgId, purpose: ALERTS_PURPOSE },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, enabled: true, createdAt: true },
  });
}
