import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { createWebhook } from "../webhooks/create-webhook";
import { ALERTS_PURPOSE, OPERATIONAL_EVENT_TYPES } from "./types";

/**
 * An alert destination: a webhook of purpose "alerts" subscribed to the operational events. It
 * has its own signing secret (its Signing tab), and its deliveries go through the same
 * dispatcher, retries and log as any other; the org's own events never reach it.
 */
export async function createAlertDestination(
  ctx: Pick<AppContext, "db" | "cipher"> & Partial<Pick<AppContext, "now">>,
  caller: Caller,
  input: { url: string },
) {
  authorize(caller, "alerts.manage");
  return createWebhook(ctx, caller, {
    url: input.url,
    description: "Alert destination: NovaVMS operational events",
    event_types: [...OPERATIONAL_EVENT_TYPES],
    enabled: true,
    purpose: ALERTS_PURPOSE,
  });
}

/** The org's alert destinations, oldest first (shown in Settings). */
export async function listAlertDestinations({ db }: Pick<AppContext, "db">, caller: Caller) {
  const { orgId } = authorize(caller, "org.settings.read");
  return db.prisma.webhook.findMany({
    where: { orgId, purpose: ALERTS_PURPOSE },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, enabled: true, createdAt: true },
  });
}
