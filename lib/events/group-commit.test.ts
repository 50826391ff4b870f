import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { newId } from "../ids";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg } from "../testing/org-fixtures";
import { addWebhook } from "../testing/engine-fixtures";
import { ingestEventGrouped, submit } from "./group-commit";
import { prepareEvent } from "./insert-events";

// Group commit: concurrent single-event ingests share one statement, never another org's
// webhooks, and one event that fails the statement fails only its own call.

let ctx: TestContext;
/** The event ids of each statement that stored events. */
let statements: string[][] = [];
beforeAll(async () => {
  ctx = await createTestContext();
  // Count the statements that store events, to see that concurrent calls were grouped.
  const query = ctx.db.pool.query.bind(ctx.db.pool) as (...args: unknown[]) => Promise<unknown>;
  (ctx.db.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
    // The statement is a query config ({ name, text, values }): named on PostgreSQL.
    const config = args[0] as { text?: string; values?: string[][] };
    if (config.text?.includes("INSERT INTO events")) statements.push(config.values![0]);
    return query(...args);
  };
});
afterAll(() => ctx.close());

async function newOrg(types: string[] = []) {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const hook = await addWebhook(ctx, orgId, `https://${orgId.toLowerCase()}.example.test/hook`, types);
  return { orgId, hook: hook.id };
}

async function eventsOf(orgId: string): Promise<Array<{ id: string; org_id: string; webhook_org: string }>> {
  const { rows } = await ctx.db.pool.query<{ id: string; org_id: string; webhook_org: string }>(
    `SELECT d.id, d.org_id, w.org_id AS webhook_org
       FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.id = d.event_id
      WHERE e.org_id = $1`,
    [orgId],
  );
  return rows;
}

describe("ingestEventGrouped", () => {
  it("stores concurrent events of several orgs in fewer statements, each fanned out to its own org's webhooks only", async () => {
    const orgs = await Promise.all([newOrg(), newOrg(), newOrg(["camera.offline"])]);
    statements = [];
    const calls = Array.from({ length: 60 }, (_, i) => {
      const org = orgs[i % 3];
      return ingestEventGrouped(ctx, systemCaller(org.orgId), { type: "camera.offline", data: { i } });
    });
    const results = await Promise.all(calls);
    // Two statements start at once; everything that arrived meanwhile waits for the next.
    expect(statements.length).toBeLessThan(60);
    expect(statements.length).toBeGreaterThanOrEqual(2);
    results.forEach((result, i) => {
      expect(result.duplicate).toBe(false);
      expect(result.deliveries).toEqual([{ id: expect.any(String), webhook_id: orgs[i % 3].hook }]);
    });
    for (const org of orgs) {
      const rows = await eventsOf(org.orgId);
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.org_id === org.orgId && r.webhook_org === org.orgId)).toBe(true);
    }
  });

  it("answers each caller its own result, in a group, even for one org's repeated idempotency key", async () => {
    const org = await newOrg();
    const caller = systemCaller(org.orgId);
    const calls = [0, 1, 2, 3].map((i) =>
      ingestEventGrouped(ctx, caller, {
        type: "camera.offline",
        data: { parity: i % 2 },
        idempotency_key: i % 2 ? "odd" : "even",
      }),
    );
    const [e0, o1, e2, o3] = await Promise.all(calls);
    expect(e2.id).toBe(e0.id);
    expect(o3.id).toBe(o1.id);
    expect(e0.id).not.toBe(o1.id);
    expect([e0, o1, e2, o3].filter((r) => r.duplicate)).toHaveLength(2);
    expect(await eventsOf(org.orgId)).toHaveLength(2);
  });

  it("refuses one org's key reused with another event in the same group: 409 for that call only", async () => {
    const org = await newOrg();
    const caller = systemCaller(org.orgId);
    const settled = await Promise.allSettled(
      [1, 2].map((n) => ingestEventGrouped(ctx, caller, { type: "camera.offline", data: { n }, idempotency_key: "k" })),
    );
    expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = settled.find((s) => s.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "idempotency_key_reused", status: 409 });
    expect(await eventsOf(org.orgId)).toHaveLength(1);
  });

  it("loses no event when one of the group fails the statement: only that call fails", async () => {
    const org = await newOrg();
    const now = new Date();
    // An org that does not exist (deleted while its request was in flight): its event breaks the
    // shared statement's foreign key.
    const orphan = prepareEvent(newId("org"), { type: "camera.offline", data: {} }, now);
    statements = [];
    const good = Array.from({ length: 9 }, (_, i) =>
      submit(ctx.db, prepareEvent(org.orgId, { type: "camera.offline", data: { i } }, now)),
    );
    const bad = submit(ctx.db, orphan);
    const settled = await Promise.allSettled([...good, bad]);
    expect(settled.slice(0, 9).every((s) => s.status === "fulfilled")).toBe(true);
    expect(settled[9].status).toBe("rejected");
    expect(await eventsOf(org.orgId)).toHaveLength(9);
    // The failing event did share a statement with good ones, then was tried alone.
    const withOrphan = statements.filter((ids) => ids.includes(orphan.id));
    expect(withOrphan.map((ids) => ids.length > 1)).toEqual([true, false]);
  });

  it("sends an event at once when nothing is in flight: no waiting window at low load", async () => {
    const org = await newOrg();
    statements = [];
    const result = await ingestEventGrouped(ctx, systemCaller(org.orgId), { type: "camera.offline", data: {} });
    expect(statements).toHaveLength(1);
    expect(result.deliveries).toHaveLength(1);
  });
});
