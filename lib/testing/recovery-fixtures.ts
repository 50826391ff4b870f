import type { TestContext } from "./test-database";
import { systemCaller } from "../auth/caller";
import { ingestEvent } from "../events/ingest";
import { addWebhook } from "./engine-fixtures";

// Test-only: an outage's aftermath. `events` events fanned out to `webhooks` webhooks, every
// delivery given up as Failed (the state the retry schedule leaves behind), quickly.

export async function seedFailedDeliveries(
  ctx: TestContext,
  orgId: string,
  options: { urls: string[]; events: number; type?: string; createdAt?: Date; reason?: string },
): Promise<{ webhookIds: string[]; deliveryIds: string[] }> {
  const webhookIds: string[] = [];
  for (const url of options.urls) webhookIds.push((await addWebhook(ctx, orgId, url)).id);
  const deliveryIds: string[] = [];
  for (let i = 0; i < options.events; i++) {
    const createdAt = options.createdAt;
    const { deliveries } = await ingestEvent(
      { db: ctx.db, now: createdAt ? () => createdAt : ctx.now },
      systemCaller(orgId),
      { type: options.type ?? "camera.offline", data: { i } },
    );
    deliveryIds.push(...deliveries.filter((d) => webhookIds.includes(d.webhook_id)).map((d) => d.id));
  }
  await ctx.db.pool.query(
    `UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, scheduled_attempts = 6, attempt_count = 6,
       last_error_code = 'webhook_delivery_failed', last_reason = $2, last_status_code = 503
     WHERE id = ANY($1::text[])`,
    [deliveryIds, options.reason ?? "http_status"],
  );
  return { webhookIds, deliveryIds };
}

/** The X-NovaVMS-Delivery header of each request a receiver got. */
export function deliveryIdsOf(requests: Array<{ rawHeaders: string[] }>): string[] {
  return requests.map((request) => {
    const index = request.rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === "x-novavms-delivery");
    return request.rawHeaders[index + 1];
  });
}
