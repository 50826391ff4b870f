import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformCaller, systemCaller } from "../auth/caller";
import { claimDueDeliveries } from "../dispatch/claim-due";
import { fetchDelivery, listDeliveries, type DeliveryFilters } from "../delivery-log/queries";
import { getWebhookOverview, listWebhookSummaries } from "../webhooks/stats";
import { ingestEventBatch } from "../events/ingest-batch";
import { pruneBatch } from "../retention/prune";
import { createRecovery } from "../recovery/create";
import { createRecoveryInput } from "../recovery/schemas";
import { claimRecoveryItems } from "../recovery/claim-items";
import { sweepInterrupted } from "../recovery/settle";
import { forgetStatusCounts, refreshDatabaseGauges } from "../metrics/database-gauges";
import { listOrgFigures } from "../operator/org-figures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg } from "../testing/org-fixtures";
import { addWebhook } from "../testing/engine-fixtures";
import { explainStatement, recordingDb, type Statement } from "../testing/statements";
import type { Db } from "./client";

// Every index of deliveries and delivery_attempts names the query that needs it (the migrations
// say which); these are those queries, as lib/ runs them. With sequential scans priced out of
// reach, a query that no index serves still shows a "Seq Scan" in its plan: dropping or narrowing
// an index that a log or dispatcher query needs fails here, on a table of any size. Beside them
// the queries of retention, bulk recovery, auto-disable and the metrics gauges, which read
// deliveries and delivery_attempts too.

let ctx: TestContext;
let orgId: string;
let webhookId: string;
let deliveryId: string;
let eventId: string;
const statements: Array<{ name: string } & Statement> = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ({ orgId } = await createTestOrg(ctx.db, ctx.cipher));
  webhookId = (await addWebhook(ctx, orgId, "https://a.example.test/hook")).id;
  await addWebhook(ctx, orgId, "https://b.example.test/hook", ["camera.offline"]);
  const [first] = await ingestEventBatch(ctx, systemCaller(orgId), {
    events: Array.from({ length: 20 }, (_, i) => ({ type: i % 2 ? "camera.offline" : "camera.online", data: { i } })),
  });
  eventId = first.id;
  deliveryId = first.deliveries[0].id;
});
afterAll(() => ctx.close());

/** Runs `run` on a Db that records each statement as it runs it. */
async function record(name: string, run: (db: Db) => Promise<unknown>) {
  await run(recordingDb(ctx.db, (statement) => statements.push({ name, ...statement })));
}

const plans = new Map<string, string>();

async function seqScans(statement: { name: string } & Statement): Promise<string[]> {
  const plan = (await explainStatement(ctx.db, statement, { settings: ["enable_seqscan = off"] })) as string;
  // Every statement of a name: the plans of one lib call are read together.
  plans.set(statement.name, [plans.get(statement.name), plan].filter(Boolean).join("\n"));
  return [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]).filter((t) => /^deliver/.test(t));
}

const views = (): Array<[string, Omit<DeliveryFilters, "limit" | "sort">]> => [
  ["all", {}],
  ["webhook", { webhookId }],
  ["failed", { status: "failed" }],
  ["pending", { status: "pending" }],
  ["succeeded", { status: "succeeded" }],
  ["webhook + failed", { webhookId, status: "failed" }],
  ["webhook + succeeded", { webhookId, status: "succeeded" }],
  ["event type", { eventType: "camera.offline" }],
  ["request_id", { requestId: "req_0000000000000000000000000" }],
  ["search", { search: "evt_00000000000000000000000000" }],
  ["time range", { since: new Date(Date.now() - 3_600_000), until: new Date() }],
];

describe("queries of deliveries and delivery_attempts", () => {
  it("read them only by index: the delivery log in both orders, the detail, the stats and the claim", async () => {
    for (const sort of ["activity", "created"] as const)
      for (const [name, filters] of views())
        await record(`log ${sort}: ${name}`, (db) => listDeliveries(db, orgId, { ...filters, sort, limit: 50 }));
    await record("delivery detail", (db) => fetchDelivery(db, orgId, deliveryId));
    await record("webhooks list", (db) => listWebhookSummaries(db, orgId, new Date(0)));
    await record("overview", (db) =>
      getWebhookOverview(db, orgId, webhookId, { since: new Date(Date.now() - 86_400_000), bucketMinutes: 60 }),
    );
    await record("claim", (db) =>
      claimDueDeliveries(db, {
        workerId: "wrk_plan",
        now: new Date(Date.now() + 60_000),
        limit: 10,
        leaseMs: 60_000,
        perWebhook: 8,
        inFlight: new Map([[webhookId, 1]]),
      }),
    );
    await record("search by event id", (db) =>
      listDeliveries(db, orgId, { search: eventId, sort: "activity", limit: 5 }),
    );
    await record("search by receiver request id", (db) =>
      listDeliveries(db, orgId, { search: "7f3c9a1e-receiver-id", sort: "activity", limit: 5 }),
    );

    await record("operator org figures", (db) =>
      listOrgFigures({ db, now: () => new Date() }, platformCaller("opt_plan")),
    );
    await record("retention prune", (db) => pruneBatch(db, new Date(Date.now() + 60_000), 10));
    for (const [name, webhook] of [
      ["org", {}],
      ["webhook", { webhook_id: webhookId }],
    ] as const)
      await record(`recovery dry run: ${name}`, (db) =>
        createRecovery({ db }, systemCaller(orgId), {
          ...createRecoveryInput.parse({ since: new Date(0).toISOString(), dry_run: true, ...webhook }),
          statuses: ["failed", "retrying"],
          reasons: ["http_status"],
        }),
      );
    await record("recovery claim", (db) =>
      claimRecoveryItems(db, {
        workerId: "wrk_plan",
        now: new Date(),
        limit: 10,
        leaseMs: 60_000,
        perWebhook: 8,
        inFlight: new Map(),
      }),
    );
    await record("recovery sweep", (db) => sweepInterrupted(db, new Date()));
    forgetStatusCounts();
    await record("metrics gauges", (db) => refreshDatabaseGauges(db, new Date()));
    // Disabling a webhook (by hand or auto-disable) parks its queued deliveries, enabling makes
    // them due: Prisma's updateMany of lib/webhooks/update-webhook.ts and lib/endpoint-health/auto-disable.ts.
    statements.push({
      name: "disable: park queued deliveries",
      text: `UPDATE deliveries SET next_attempt_at = NULL
              WHERE webhook_id = $1 AND org_id = $2 AND status IN ('pending', 'retrying')`,
      values: [webhookId, orgId],
    });
    statements.push({
      name: "enable: make parked deliveries due",
      text: `UPDATE deliveries SET next_attempt_at = now()
              WHERE webhook_id = $1 AND org_id = $2 AND status IN ('pending', 'retrying') AND next_attempt_at IS NULL`,
      values: [webhookId, orgId],
    });

    expect(statements.length).toBeGreaterThan(2 * views().length);
    const scanned: string[] = [];
    // The gauges' per-status counts read the whole table by design, at most every 30 s
    // (lib/metrics/database-gauges.ts); no index could make that count cheaper than a scan.
    const wholeTableCount = (text: string) =>
      /SELECT status::text, count\(\*\)::int AS n FROM deliveries GROUP BY status/.test(text);
    expect(statements.filter((s) => wholeTableCount(s.text))).toHaveLength(1);
    for (const statement of statements.filter((s) => !wholeTableCount(s.text))) {
      const tables = await seqScans(statement);
      if (tables.length) scanned.push(`${statement.name}: ${tables.join(", ")}`);
    }
    expect(scanned).toEqual([]);
    // The partial indexes serve the rows they hold.
    expect(plans.get("log activity: failed")).toContain("deliveries_webhook_id_status_activity_at_id_idx");
    // The org-wide log and the operator's and recovery's counts go webhook by webhook: no index
    // of deliveries leads with the org for them (migration 20261207200000).
    expect(plans.get("log activity: all")).toContain("deliveries_webhook_id_activity_at_id_idx");
    expect(plans.get("log created: all")).toContain("deliveries_webhook_id_created_at_id_idx");
    expect(plans.get("operator org figures")).toContain("deliveries_webhook_id_");
    expect(plans.get("recovery dry run: org")).toContain("deliveries_webhook_id_");
    expect(plans.get("log activity: webhook + failed")).toContain("deliveries_webhook_id_status_activity_at_id_idx");
    expect(plans.get("claim")).toContain("deliveries_next_attempt_at_idx");
    expect(plans.get("search by receiver request id")).toContain("delivery_attempts_org_id_receiver_request_id_idx");
    // Retention finds an event's unsettled deliveries by event id; the gauges walk the due index.
    expect(plans.get("retention prune")).toContain("deliveries_event_id_idx");
    expect(plans.get("metrics gauges")).toContain("deliveries_next_attempt_at_idx");
  });

  it("keeps settled deliveries out of the due index and succeeded ones out of the status indexes", async () => {
    const { rows } = await ctx.db.pool.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'deliveries'`,
    );
    const byName = new Map(rows.map((r) => [r.name, r.definition]));
    expect(byName.get("deliveries_next_attempt_at_idx")).toMatch(/WHERE \(next_attempt_at IS NOT NULL\)/);
    expect(byName.get("deliveries_webhook_id_status_activity_at_id_idx")).toMatch(/WHERE \(status <> 'succeeded'/);
    expect(byName.get("deliveries_org_id_next_attempt_at_idx")).toMatch(/WHERE \(next_attempt_at IS NOT NULL\)/);
    expect(rows).toHaveLength(8);
    const { rows: attempts } = await ctx.db.pool.query<{ definition: string }>(
      `SELECT indexdef AS definition FROM pg_indexes
        WHERE tablename = 'delivery_attempts' AND indexname = 'delivery_attempts_org_id_receiver_request_id_idx'`,
    );
    expect(attempts[0]?.definition).toMatch(/WHERE \(receiver_request_id IS NOT NULL\)/);
  });

  it("names, for every index of deliveries and delivery_attempts, the query it serves", async () => {
    // The index diet and every migration after it: each index they leave names its query.
    const migrations = path.join(__dirname, "../../prisma/migrations");
    const migration = readdirSync(migrations)
      .filter((name) => name >= "20261129152115_delivery_index_diet" && !name.endsWith(".toml"))
      .sort()
      .map((name) => readFileSync(path.join(migrations, name, "migration.sql"), "utf8"))
      .join("\n");
    const { rows } = await ctx.db.pool.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('deliveries', 'delivery_attempts')`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const unexplained = rows.map((r) => r.name).filter((name) => !new RegExp(`^-- ${name}[ :]`, "m").test(migration));
    const partial = [...migration.matchAll(/^CREATE INDEX "(\w+)"/gm)].map((m) => m[1]);
    // A dropped and re-created index is explained by the comment above its CREATE INDEX instead.
    expect(unexplained.filter((name) => !partial.includes(name) || !commentedAbove(migration, name))).toEqual([]);
  });
});

/** Whether the statements right above the CREATE INDEX of `name` follow a comment. */
function commentedAbove(migration: string, name: string): boolean {
  const lines = migration.split("\n");
  const at = lines.findIndex((line) => line.startsWith(`CREATE INDEX "${name}"`));
  const above = lines
    .slice(0, at)
    .reverse()
    .find((line) => !/^(DROP|CREATE) INDEX/.test(line));
  // Prisma's own "-- CreateIndex" heading explains nothing.
  return (above?.startsWith("--") && !above.startsWith("-- CreateIndex")) ?? false;
}
