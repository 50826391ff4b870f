import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { DAY_MS, PRUNE_BATCH_SQL, prunePass } from "./prune";
import { getRetentionWindow } from "./queries";

// Retention against a real database: what goes, what stays, and that a batch reads an index,
// not the table, on 100k events.

let ctx: TestContext;
let receiver: Receiver;
let status = 200;
const NOW = new Date("2026-11-29T12:00:00Z");

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => res.writeHead(status).end());
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

async function deliverAt(orgId: string, at: Date) {
  const test = createTestDispatcher(ctx, { start: at, retryScheduleMs: [60_000] });
  try {
    await test.dispatcher.runUntilIdle();
  } finally {
    await test.close();
  }
}

async function count(table: string, orgId: string): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [
    orgId,
  ]);
  return rows[0].n;
}

describe("retention", () => {
  it("deletes settled events older than the window with their deliveries and attempts, and nothing else", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, org.orgId, `${receiver.origin}/ok`);
    const old = new Date(NOW.getTime() - 40 * DAY_MS);
    const recent = new Date(NOW.getTime() - 10 * DAY_MS);

    const succeeded = await sendEvent(ctx, org.orgId, "camera.offline", {}, old);
    await deliverAt(org.orgId, old);
    const fresh = await sendEvent(ctx, org.orgId, "camera.offline", {}, recent);
    await deliverAt(org.orgId, recent);
    status = 500;
    const failed = await sendEvent(ctx, org.orgId, "camera.offline", {}, old);
    await deliverAt(org.orgId, old); // first attempt fails: retrying
    await deliverAt(org.orgId, new Date(old.getTime() + 120_000)); // second fails: failed (schedule of 1)
    const retrying = await sendEvent(ctx, org.orgId, "camera.offline", {}, old);
    await deliverAt(org.orgId, old); // retrying, next attempt a minute later on the old clock
    const pending = await sendEvent(ctx, org.orgId, "camera.offline", {}, old); // never attempted
    await ctx.db.pool.query(`UPDATE deliveries SET next_attempt_at = NULL WHERE event_id = $1`, [pending.id]); // parked
    status = 200;

    const statuses = await ctx.db.pool.query<{ event_id: string; status: string }>(
      `SELECT event_id, status::text FROM deliveries WHERE org_id = $1`,
      [org.orgId],
    );
    const statusOf = (id: string) => statuses.rows.find((r) => r.event_id === id)?.status;
    expect([succeeded, failed, retrying, pending, fresh].map((e) => statusOf(e.id))).toEqual([
      "succeeded",
      "failed",
      "retrying",
      "pending",
      "succeeded",
    ]);
    const attemptsBefore = await count("delivery_attempts", org.orgId);

    expect((await prunePass(ctx.db, { retentionDays: 0, now: NOW })).events).toBe(0);
    const result = await prunePass(ctx.db, { retentionDays: 30, now: NOW, batchSize: 1 });
    expect(result.events).toBeGreaterThanOrEqual(2);

    const left = await ctx.db.pool.query<{ id: string }>(
      `SELECT id FROM events WHERE org_id = $1 ORDER BY created_at, id`,
      [org.orgId],
    );
    expect(left.rows.map((r) => r.id).sort()).toEqual([retrying.id, pending.id, fresh.id].sort());
    expect(await count("deliveries", org.orgId)).toBe(3);
    // The succeeded delivery's one attempt and the failed one's two are gone; the rest stay.
    expect(await count("delivery_attempts", org.orgId)).toBe(attemptsBefore - 3);

    const window = await getRetentionWindow(ctx.db, org.orgId, 30);
    expect(window.oldest?.toISOString()).toBe(old.toISOString());
  });

  it("reads events oldest first through events_created_at_idx on 100k rows: no sequential scan", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, org.orgId, `${receiver.origin}/ok`);
    const start = NOW.getTime() - 100 * DAY_MS;
    await ctx.db.pool.query(
      `INSERT INTO events (id, org_id, type, body, created_at)
       SELECT 'evt_bulk_' || i, $1, 'camera.offline', '\\x7b7d'::bytea, to_timestamp(($2::bigint + i::bigint * 60000) / 1000.0)
         FROM generate_series(1, 100000) AS i`,
      [org.orgId, start],
    );
    await ctx.db.pool.query(
      `INSERT INTO deliveries (id, org_id, webhook_id, event_id, event_type, status, created_at, activity_at)
       SELECT 'dlv_bulk_' || i, $1, $2, 'evt_bulk_' || i, 'camera.offline',
              (CASE WHEN i % 1000 = 0 THEN 'retrying' ELSE 'succeeded' END)::"DeliveryStatus",
              to_timestamp(($3::bigint + i::bigint * 60000) / 1000.0), to_timestamp(($3::bigint + i::bigint * 60000) / 1000.0)
         FROM generate_series(1, 100000) AS i`,
      [org.orgId, hook.id, start],
    );
    await ctx.db.pool.query("ANALYZE events");
    await ctx.db.pool.query("ANALYZE deliveries");

    const cutoff = new Date(NOW.getTime() - 30 * DAY_MS);
    const { rows } = await ctx.db.pool.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${PRUNE_BATCH_SQL}`, [
      cutoff,
      200,
    ]);
    const plan = JSON.stringify(rows[0]["QUERY PLAN"]);
    expect(plan).toContain('"Index Name":"events_created_at_idx"');
    expect(plan).not.toContain('"Node Type":"Seq Scan"');

    const retryingBefore = await countRetrying(org.orgId);
    expect(retryingBefore).toBe(100);
    const before = await count("events", org.orgId);
    // The 2,000 oldest settled events; the batch walks past the two retrying ones among them.
    const batch = await prunePass(ctx.db, { retentionDays: 30, now: NOW, batchSize: 2_000, maxBatches: 1 });
    expect(batch.events).toBe(2_000);
    expect(await count("events", org.orgId)).toBe(before - 2_000);
    expect(await countRetrying(org.orgId)).toBe(retryingBefore);
  }, 240_000);
});

async function countRetrying(orgId: string): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE org_id = $1 AND status = 'retrying'`,
    [orgId],
  );
  return rows[0].n;
}
