import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { refreshStaleStatistics, STATISTICS_TABLES } from "./statistics";

// The worker's upkeep of the planner's statistics (lib/db/statistics.ts), on the database itself:
// a table is analyzed once enough of it changed, and not again until it changes again (the embedded
// database has no autovacuum: without this its tables were never analyzed). What it is for, the
// claim's plan after a sudden backlog, is measured by bench scenarios 11 and 12.

let ctx: TestContext;
/** How long the server may take to report a connection's changes when it is busy. */
const STATISTICS_REPORTED_WITHIN_MS = 60_000;
beforeAll(async () => {
  ctx = await createTestContext();
  // On the PostgreSQL server autovacuum also analyzes these tables (whenever its next round reaches
  // this database): had it analyzed one first, there was nothing stale left for the upkeep, and the
  // tests below could not tell whether the upkeep does its part. Here only the upkeep does.
  for (const table of STATISTICS_TABLES)
    await ctx.db.pool.query(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
});
afterAll(async () => {
  await ctx?.close();
});

const analyzedAt = async (table: string) =>
  (
    await ctx.db.pool.query<{ at: Date | null }>(
      "SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = $1",
      [table],
    )
  ).rows[0]?.at ?? null;

describe("the statistics upkeep", () => {
  it("analyzes a table that has no statistics yet at its first rows", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://first.example.test/hook");
    const hasStatistics = async () =>
      (await ctx.db.pool.query("SELECT 1 FROM pg_stats WHERE tablename = 'deliveries' AND attname = 'org_id'"))
        .rowCount! > 0;
    expect(await hasStatistics()).toBe(false);
    // Ten rows: far below the share of changes that makes a table stale (and below autovacuum's 50).
    await insertDueDeliveries(ctx.db, orgId, webhook.id, 10);
    await expect
      .poll(async () => (await refreshStaleStatistics(ctx.db)).includes("deliveries"), {
        timeout: STATISTICS_REPORTED_WITHIN_MS,
        interval: 200,
      })
      .toBe(true);
    expect(await hasStatistics()).toBe(true);
  });

  it("analyzes deliveries once a backlog was queued, and not again while nothing changed", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://a.example.test/hook");
    // Whatever the fixtures changed counts too: settle it first.
    await expect.poll(async () => (await refreshStaleStatistics(ctx.db)).length, { timeout: 10_000 }).toBe(0);
    const before = await analyzedAt("deliveries");

    await insertDueDeliveries(ctx.db, orgId, webhook.id, 5_000);
    // The server counts changes when each connection's transaction ends and reports them about a
    // second later, or, while it is busy (the whole suite running beside it), up to a minute later:
    // asked until it has.
    let analyzed: string[] = [];
    await expect
      .poll(
        async () => {
          analyzed = await refreshStaleStatistics(ctx.db);
          return analyzed.includes("deliveries");
        },
        { timeout: STATISTICS_REPORTED_WITHIN_MS, interval: 200 },
      )
      .toBe(true);
    const after = await analyzedAt("deliveries");
    expect(after).not.toBeNull();
    if (before) expect(after!.getTime()).toBeGreaterThan(before.getTime());

    // Nothing changed since: nothing to do, and the tables are left alone.
    expect(await refreshStaleStatistics(ctx.db)).toEqual([]);
    expect((await analyzedAt("deliveries"))!.getTime()).toBe(after!.getTime());
  });

  it("takes no statistics of what an attempt recorded, only of the columns queries look up", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://attempts.example.test/hook");
    await insertDueDeliveries(ctx.db, orgId, webhook.id, 50);
    await ctx.db.pool.query(
      `INSERT INTO delivery_attempts (id, delivery_id, org_id, webhook_id, request_id, number, trigger, url, started_at,
         duration_ms, request_headers, response_status, response_headers, response_body, message)
       SELECT 'att_' || id, id, org_id, webhook_id, 'req_' || id, 1, 'scheduled', 'https://attempts.example.test/hook',
              now(), 5, '{"content-type": "application/json"}', 503, '{"retry-after": "30"}', '\\x627573790a', 'HTTP 503'
         FROM deliveries WHERE org_id = $1`,
      [orgId],
    );
    await ctx.db.pool.query("ANALYZE delivery_attempts");
    const { rows } = await ctx.db.pool.query<{ attname: string }>(
      "SELECT attname FROM pg_stats WHERE tablename = 'delivery_attempts' ORDER BY attname",
    );
    const columns = rows.map((row) => row.attname);
    // Looked up by queries: kept.
    expect(columns).toEqual(expect.arrayContaining(["delivery_id", "org_id", "request_id", "started_at"]));
    // Only stored and shown (migration 20261207050000): sampling and sorting them was most of each ANALYZE.
    for (const payload of ["request_headers", "response_headers", "response_body", "message", "url"])
      expect(columns).not.toContain(payload);
  });

  it("vacuums a table of dead rows where no autovacuum runs, and leaves that to autovacuum where it does", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://b.example.test/hook");
    const { rows } = await ctx.db.pool.query<{ running: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS running",
    );
    const autovacuum = rows[0].running;
    await insertDueDeliveries(ctx.db, orgId, webhook.id, 10_000);
    await ctx.db.pool.query("DELETE FROM deliveries WHERE org_id = $1", [orgId]);
    const lastVacuum = async () =>
      (
        await ctx.db.pool.query<{ at: Date | null }>(
          "SELECT last_vacuum AS at FROM pg_stat_user_tables WHERE relname = 'deliveries'",
        )
      ).rows[0].at;
    if (autovacuum) {
      // The PostgreSQL server's own autovacuum runs: the upkeep analyzes, and leaves the vacuum to it.
      await expect
        .poll(async () => (await refreshStaleStatistics(ctx.db)).includes("deliveries"), {
          timeout: STATISTICS_REPORTED_WITHIN_MS,
          interval: 200,
        })
        .toBe(true);
      expect(await lastVacuum()).toBeNull();
    } else {
      // PGlite has no autovacuum at all: the upkeep vacuums, once the dead rows are counted.
      await expect
        .poll(
          async () => {
            await refreshStaleStatistics(ctx.db);
            return (await lastVacuum()) !== null;
          },
          { timeout: STATISTICS_REPORTED_WITHIN_MS, interval: 200 },
        )
        .toBe(true);
    }
  });
});
