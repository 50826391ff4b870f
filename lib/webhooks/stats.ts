import type { DeliveryStatus } from "@prisma/client";
import type { Db } from "../db/client";

export type WebhookSummary = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  createdAt: Date;
  /** Succeeded / settled deliveries of the window, 0-1; null when none settled. */
  successRate: number | null;
  deliveries: number;
  lastDeliveryAt: Date | null;
  lastStatus: DeliveryStatus | null;
};

/** The webhooks list: each webhook with its success rate over `since` and its latest delivery. */
export async function listWebhookSummaries(db: Db, orgId: string, since: Date): Promise<WebhookSummary[]> {
  const { rows } = await db.pool.query(
    `SELECT w.id, w.url, w.description, w.event_types, w.enabled, w.created_at,
            s.succeeded, s.settled, s.total, last.activity_at AS last_at, last.status AS last_status
       FROM webhooks w
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
                count(*) FILTER (WHERE status IN ('succeeded', 'failed'))::int AS settled,
                count(*)::int AS total
           FROM deliveries WHERE webhook_id = w.id AND created_at >= $2
       ) s ON true
       LEFT JOIN LATERAL (
         SELECT activity_at, status FROM deliveries WHERE webhook_id = w.id ORDER BY activity_at DESC, id DESC LIMIT 1
       ) last ON true
      WHERE w.org_id = $1
      ORDER BY w.created_at DESC, w.id DESC`,
    [orgId, since],
  );
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    createdAt: row.created_at,
    successRate: successRate(row.succeeded, row.settled),
    deliveries: row.total,
    lastDeliveryAt: row.last_at,
    lastStatus: row.last_status,
  }));
}

export type StatusBucket = { start: Date; pending: number; retrying: number; succeeded: number; failed: number };

/** The Overview tab: deliveries created per bucket by current status, and the success rate. */
export async function getWebhookOverview(
  db: Db,
  orgId: string,
  webhookId: string,
  options: { since: Date; bucketMinutes: number },
) {
  const { rows } = await db.pool.query(
    `SELECT to_timestamp(floor(extract(epoch FROM created_at) / ($4 * 60)) * ($4 * 60)) AS bucket, status, count(*)::int AS n
       FROM deliveries
      WHERE org_id = $1 AND webhook_id = $2 AND created_at >= $3
      GROUP BY 1, 2 ORDER BY 1`,
    [orgId, webhookId, options.since, options.bucketMinutes],
  );
  const buckets = new Map<number, StatusBucket>();
  const totals = { pending: 0, retrying: 0, succeeded: 0, failed: 0 };
  const step = options.bucketMinutes * 60_000;
  const first = Math.floor(options.since.getTime() / step) * step;
  for (let t = first; t <= Date.now(); t += step)
    buckets.set(t, { start: new Date(t), pending: 0, retrying: 0, succeeded: 0, failed: 0 });
  for (const row of rows as Array<{ bucket: Date; status: keyof typeof totals; n: number }>) {
    const bucket = buckets.get(row.bucket.getTime()) ?? {
      start: row.bucket,
      pending: 0,
      retrying: 0,
      succeeded: 0,
      failed: 0,
    };
    bucket[row.status] += row.n;
    buckets.set(row.bucket.getTime(), bucket);
    totals[row.status] += row.n;
  }
  return {
    totals,
    successRate: successRate(totals.succeeded, totals.succeeded + totals.failed),
    buckets: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

// Pending and retrying deliveries have no outcome yet, so only settled ones count; with none
// settled there is no rate (not 0%).
function successRate(succeeded: number, settled: number): number | null {
  return settled > 0 ? succeeded / settled : null;
}
