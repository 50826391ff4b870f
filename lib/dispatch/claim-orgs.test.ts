import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import type { Db } from "../db/client";
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
    const scans = nodesOn(plan, "deliveries");
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

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

/** The claim statement as it runs, under EXPLAIN ANALYZE in a transaction rolled back after. */
async function explainClaim(db: Db, options: ClaimOptions): Promise<PlanNode> {
  let statement: { text: string; values: unknown[] } | undefined;
  const pool = new Proxy(db.pool, {
    get(target, property) {
      if (property === "query")
        return (text: string, values: unknown[]) => {
          statement = { text, values };
          return Promise.resolve({ rows: [] });
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  await claimDueDeliveries({ ...db, pool }, options);
  if (!statement) throw new Error("the claim ran no statement");
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ "QUERY PLAN": unknown }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
      statement.values,
    );
    const raw = rows[0]["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    return parsed[0].Plan;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** Every scan of `relation` in the plan: its loops and the rows it read (returned or filtered out). */
function nodesOn(plan: PlanNode, relation: string): Array<{ type: string; loops: number; rowsRead: number }> {
  const found: Array<{ type: string; loops: number; rowsRead: number }> = [];
  const visit = (node: PlanNode) => {
    if (node["Relation Name"] === relation) {
      const perLoop =
        node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0);
      found.push({ type: node["Node Type"], loops: node["Actual Loops"], rowsRead: perLoop * node["Actual Loops"] });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return found;
}
