import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { Db } from "../db/client";
import { FAILING_BANNER_AFTER_MS } from "./defaults";

export type EndpointHealth = {
  webhookId: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: Date | null;
  failingSince: Date | null;
};

/**
 * The org's webhooks the console warns about: disabled automatically, or failing for more than an
 * hour. (A manually disabled webhook is the admin's own choice and gets no banner.)
 */
export async function listUnhealthyEndpoints(
  db: Db,
  orgId: string,
  now = new Date(),
  webhookId?: string,
): Promise<EndpointHealth[]> {
  const rows = await db.prisma.webhook.findMany({
    where: {
      orgId,
      ...(webhookId ? { id: webhookId } : {}),
      OR: [
        { enabled: false, disabledReason: { in: ["gone", "failing"] } },
        { enabled: true, failingSince: { lte: new Date(now.getTime() - FAILING_BANNER_AFTER_MS) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, url: true, enabled: true, disabledReason: true, disabledAt: true, failingSince: true },
  });
  return rows.map((row) => ({
    webhookId: row.id,
    url: row.url,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    failingSince: row.failingSince,
  }));
}

/** The unhealthy endpoints of the caller's org (or the one webhook), for the console's banners. */
export async function readUnhealthyEndpoints(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: { webhookId?: string } = {},
): Promise<EndpointHealth[]> {
  const { orgId } = authorize(caller, "webhook.read");
  return listUnhealthyEndpoints(db, orgId, now(), input.webhookId);
}
