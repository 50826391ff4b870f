import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryStatus } from "@prisma/client";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { listDeliveries, type DeliveryFilters } from "./queries";

// The org-wide log is read webhook by webhook and merged (its orders are indexed per webhook only):
// paged to the end, it must list exactly the org's deliveries in the order one sort of them all
// gives, whatever webhook each came from, and nothing of another org.

const STATUSES: DeliveryStatus[] = ["pending", "retrying", "succeeded", "failed"];
let ctx: TestContext;
let orgId: string;
let otherOrgDeliveries: Set<string>;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ orgId } = await createTestOrg(ctx.db, ctx.cipher));
  // Uneven webhooks: one with many deliveries, one with a few, one with none.
  for (const [i, count] of [17, 4, 0].entries()) {
    const { id } = await addWebhook(ctx, orgId, `https://w${i}.example.test/hook`);
    if (count) await insertDueDeliveries(ctx.db, orgId, id, count);
  }
  const other = await createTestOrg(ctx.db, ctx.cipher);
  const { id: otherWebhook } = await addWebhook(ctx, other.orgId, "https://other.example.test/hook");
  await insertDueDeliveries(ctx.db, other.orgId, otherWebhook, 6);
  // Times and statuses spread over every delivery (ties in time included, broken by id), so the
  // two orders differ from each other and from the order of insertion.
  await ctx.db.pool.query(
    `UPDATE deliveries d SET created_at = t.base - make_interval(mins => ((t.n * 7) % 5)::int),
            activity_at = t.base + make_interval(mins => ((t.n * 11) % 13)::int),
            status = ($1::text[])[1 + t.n % 4]::"DeliveryStatus"
       FROM (SELECT id, row_number() OVER (ORDER BY md5(id)) AS n, now() AS base FROM deliveries) t
      WHERE d.id = t.id`,
    [STATUSES],
  );
  const { rows } = await ctx.db.pool.query<{ id: string }>("SELECT id FROM deliveries WHERE org_id = $1", [
    other.orgId,
  ]);
  otherOrgDeliveries = new Set(rows.map((r) => r.id));
});
afterAll(() => ctx.close());

/** Every page of the org-wide log, `limit` at a time, following the cursors. */
async function pageThrough(filters: Omit<DeliveryFilters, "limit" | "cursor">, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listDeliveries(ctx.db, orgId, { ...filters, limit, cursor });
    expect(result.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...result.rows.map((row) => row.id));
    if (!result.next_cursor) return ids;
    cursor = result.next_cursor;
  }
  throw new Error("the cursors never ended");
}

/** The same list from one plain sort of the org's rows. */
async function expected(sort: "created" | "activity", status?: DeliveryStatus) {
  const time = sort === "created" ? "created_at" : "activity_at";
  const { rows } = await ctx.db.pool.query<{ id: string }>(
    `SELECT id FROM deliveries WHERE org_id = $1 AND ($2::"DeliveryStatus" IS NULL OR status = $2)
      ORDER BY ${time} DESC, id DESC`,
    [orgId, status ?? null],
  );
  return rows.map((r) => r.id);
}

describe("the org-wide delivery log, merged from each webhook's", () => {
  for (const sort of ["activity", "created"] as const)
    it(`pages through every delivery of the org in ${sort} order, and only the org's`, async () => {
      const all = await expected(sort);
      expect(all).toHaveLength(21);
      for (const limit of [1, 5, 50]) expect(await pageThrough({ sort }, limit)).toEqual(all);
      for (const status of STATUSES) {
        const some = await expected(sort, status);
        expect(some.length).toBeGreaterThan(0);
        expect(await pageThrough({ sort, status }, 2)).toEqual(some);
      }
      const listed = await pageThrough({ sort }, 7);
      expect(listed.filter((id) => otherOrgDeliveries.has(id))).toEqual([]);
    });

  it("keeps a time range within its bounds across webhooks", async () => {
    const { rows } = await ctx.db.pool.query<{ at: Date }>(
      "SELECT activity_at AS at FROM deliveries WHERE org_id = $1 ORDER BY activity_at, id",
      [orgId],
    );
    const since = rows[5].at;
    const until = rows[15].at;
    const { rows: inRange } = await ctx.db.pool.query<{ id: string }>(
      `SELECT id FROM deliveries WHERE org_id = $1 AND activity_at >= $2 AND activity_at < $3
        ORDER BY activity_at DESC, id DESC`,
      [orgId, since, until],
    );
    expect(inRange.length).toBeGreaterThan(3);
    expect(await pageThrough({ sort: "activity", since, until }, 3)).toEqual(inRange.map((r) => r.id));
  });
});
