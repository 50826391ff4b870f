import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { systemCaller } from "../auth/caller";
import { ingestEvent } from "./ingest";

// An idempotency key names one request: sent again it gets exactly the first answer, and sent
// with a different event it is refused, so a client bug cannot pass for a retry.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe("idempotency keys", () => {
  it("answer a repeat with exactly the first answer, deliveries in the same order", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    for (let i = 0; i < 8; i++) await addWebhook(ctx, orgId, `https://example.com/hook-${i}`);
    const input = { type: "camera.offline", data: { camera_id: "cam_1", n: [1, 2.5, "x"] }, idempotency_key: "k-1" };
    const first = await ingestEvent(ctx, systemCaller(orgId), input);
    const again = await ingestEvent(ctx, systemCaller(orgId), structuredClone(input));
    expect(first.deliveries).toHaveLength(8);
    expect(again.id).toBe(first.id);
    expect(again.deliveries).toEqual(first.deliveries);
    expect(again.duplicate).toBe(true);
  });

  it.each([
    ["other data", { data: { camera_id: "cam_2" } }],
    ["another type", { type: "camera.online" }],
    ["the same data in another key order", { data: { b: 1, a: 2 } }],
  ])("refuse the same key with %s (409 idempotency_key_reused), creating nothing", async (_name, change) => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, "https://example.com/hook");
    await ingestEvent(ctx, systemCaller(orgId), {
      type: "camera.offline",
      data: { a: 2, b: 1 },
      idempotency_key: "k-2",
    });
    const reused = ingestEvent(ctx, systemCaller(orgId), {
      type: "camera.offline",
      data: { a: 2, b: 1 },
      idempotency_key: "k-2",
      ...change,
    });
    await expect(reused).rejects.toMatchObject({ code: "idempotency_key_reused", status: 409 });
    const { rows } = await ctx.db.pool.query("SELECT 1 FROM deliveries WHERE org_id = $1", [orgId]);
    expect(rows).toHaveLength(1);
  });
});
