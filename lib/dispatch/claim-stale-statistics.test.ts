import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { explainClaim, scansOf } from "../testing/claim-plan";

// The claim's plan when the planner's statistics predate a backlog. In ordinary times almost every
// delivery is settled, and statistics taken then say that almost none are due; a backlog that
// appears at once (an outage ends, a burst is fanned out) is a small part of a large table, so
// nothing analyzes it soon. With statistics of next_attempt_at the planner then read the whole
// backlog and sorted it in every claim (bench scenario 11: 155 ms a claim for 100,000); the column
// keeps none (migration 20261207004500), and the claim reads the due index in its order.

const SETTLED = 2_000;
const BACKLOG = 20_000;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe("the claim after a sudden backlog", () => {
  it("reads the claim's few rows, not the backlog, with statistics of before it", async () => {
    const noisy = await createTestOrg(ctx.db, ctx.cipher, "Noisy");
    const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet");
    const noisyHook = await addWebhook(ctx, noisy.orgId, "https://noisy.example.test/hook");
    const quietHook = await addWebhook(ctx, quiet.orgId, "https://quiet.example.test/hook");
    // Ordinary times: every delivery settled, and the table analyzed then.
    await insertDueDeliveries(ctx.db, quiet.orgId, quietHook.id, SETTLED);
    await ctx.db.pool.query("UPDATE deliveries SET next_attempt_at = NULL, status = 'succeeded', attempt_count = 1");
    await ctx.db.pool.query("ANALYZE deliveries");
    // Then a backlog at once, and one fresh delivery of the quiet org.
    await insertDueDeliveries(ctx.db, noisy.orgId, noisyHook.id, BACKLOG);
    await insertDueDeliveries(ctx.db, quiet.orgId, quietHook.id, 1);

    const plan = await explainClaim(ctx.db, {
      workerId: "w",
      now: new Date(Date.now() + 60_000),
      limit: 10,
      leaseMs: 60_000,
      perWebhook: 100,
      inFlight: new Map(),
    });
    const rowsRead = scansOf(plan, "deliveries").reduce((sum, scan) => sum + scan.rowsRead, 0);
    // The oldest due rows (4 × the limit), each org's head and the walk over the two orgs, and the
    // claimed rows: tens of rows, where the plan of stale statistics read all 20,000.
    expect(rowsRead).toBeGreaterThanOrEqual(10);
    expect(rowsRead).toBeLessThan(BACKLOG / 100);
  });
});
