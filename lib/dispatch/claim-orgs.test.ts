import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { explainClaim, scansOf } from "../testing/claim-plan";
import { claimDueDeliveries, type ClaimOptions } from "./claim-due";

// The claim's turns across orgs on a platform of many orgs: its work must follow the orgs that
// have deliveries to send, not every org there is, and reaching a quiet org's one delivery must
// not read through another org's backlog. Proven on the plan the database actually ran (EXPLAIN
// ANALYZE, counts of rows and loops, no timings): with 500 orgs that have nothing to send, the
// claim once looped over all of them and read the whole backlog in each loop (1,700 ms a claim
// with 5,000 orgs, against 4 ms now).

const IDLE_ORGS = 500;
const BACKLOG = 2_000;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe("the claim on a platform of many orgs", () => {
  it("reads only orgs with deliveries to send, and a quiet org's delivery without reading the backlog", async () => {
    const noisy = await createTestOrg(ctx.db, ctx.cipher, "Noisy");
    const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet");
    const noisyHook = await addWebhook(ctx, noisy.orgId, "https://noisy.example.test/hook");
    await addWebhook(ctx, quiet.orgId, "https://quiet.example.test/hook");
    await insertDueDeliveries(ctx.db, noisy.orgId, noisyHook.id, BACKLOG);
    const now = new Date(Date.now() + 60_000);
    const { deliveries: fresh } = await sendEvent(ctx, quiet.orgId, "camera.offline", {}, new Date(now.getTime() - 1));
    await ctx.db.pool.query(
      `INSERT INTO orgs (id, name) SELECT 'org_idle_' || i, 'Idle ' || i FROM generate_series(1, $1::int) AS i`,
      [IDLE_ORGS],
    );
    await ctx.db.pool.query("ANALYZE orgs, deliveries");

    const options: ClaimOptions = {
      workerId: "w",
      now,
      limit: 10,
      leaseMs: 60_000,
      perWebhook: 8,
      inFlight: new Map(),
    };
    const plan = await explainClaim(ctx.db, options);
    const scans = scansOf(plan, "deliveries");
    const loops = scans.reduce((sum, node) => sum + node.loops, 0);
    const rowsRead = scans.reduce((sum, node) => sum + node.rowsRead, 0);
    // The oldest due rows (4 × the limit), each org's head (2 orgs with deliveries, and the end of
    // the walk), the walk over the orgs themselves and the claimed rows: far below one loop per
    // org, and far below one pass over the backlog.
    expect(loops).toBeLessThan(IDLE_ORGS / 10);
    expect(rowsRead).toBeLessThan(BACKLOG / 4);

    // And the claim itself still takes the quiet org's delivery first, with the noisy org's oldest.
    const claimed = await claimDueDeliveries(ctx.db, options);
    expect(claimed.map((d) => d.id)).toContain(fresh[0].id);
    expect(claimed.filter((d) => d.orgId === noisy.orgId)).toHaveLength(8);
  });
});
