import v8 from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { claimRecoveryItems } from "../recovery/claim-items";
import { createRecovery } from "../recovery/create";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { seedFailedDeliveries } from "../testing/recovery-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { claimDueDeliveries } from "./claim-due";

// What a claim hands the worker, one object per delivery (or recovery item), must share one hidden
// class. V8 gives every object built as `{ ...spread, a, b }` a class of its own (about 12 µs and
// 4 KB of garbage each on Node 20 with the claim's fields), which the worker paid for every
// delivery it sent until the claims built theirs as `{ a, b, ...spread }` (lib/dispatch/claimed-webhook.ts).

v8.setFlagsFromString("--allow-natives-syntax");
const sameHiddenClass = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
/** Whether each object has its predecessor's hidden class. */
const oneClass = (objects: object[]) => objects.slice(1).every((object, i) => sameHiddenClass(objects[i], object));

// V8 builds the first few objects of a call site through its runtime, which shares a class; the
// class per object starts once the site's inline cache has warmed up (after 8 objects on Node 20).
const OBJECTS = 12;
const CLAIM = { leaseMs: 60_000, perWebhook: 8, inFlight: new Map<string, number>(), limit: 50 };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe("claimed work shares one hidden class", () => {
  it("holds for V8 as this test reads it: a literal starting with a spread gets a class per object", () => {
    const webhook = (i: number) => ({ url: `u${i}`, purpose: "endpoint" });
    const indexes = Array.from({ length: OBJECTS }, (_, i) => i);
    expect(oneClass(indexes.map((i) => ({ ...webhook(i), id: `d${i}`, orgId: "o" })))).toBe(false);
    expect(oneClass(indexes.map((i) => ({ id: `d${i}`, orgId: "o", ...webhook(i) })))).toBe(true);
  });

  it("for the dispatcher's claimed deliveries", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, "https://a.example.test/hook");
    await addWebhook(ctx, orgId, "https://b.example.test/hook");
    for (let i = 0; i < OBJECTS / 2; i++) await sendEvent(ctx, orgId, "camera.offline", { i });

    const claimed = await claimDueDeliveries(ctx.db, {
      ...CLAIM,
      workerId: "wrk_shape",
      now: new Date(Date.now() + 60_000),
    });
    expect(claimed).toHaveLength(OBJECTS);
    expect(oneClass(claimed)).toBe(true);
  });

  it("for a recovery's claimed items", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const urls = ["https://c.example.test/hook", "https://d.example.test/hook"];
    await seedFailedDeliveries(ctx, orgId, { urls, events: OBJECTS / 2 });
    const created = await createRecovery(ctx, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    if (created.dryRun) throw new Error("expected a recovery");

    const claimed = await claimRecoveryItems(ctx.db, { ...CLAIM, workerId: "wrk_shape", now: new Date() });
    expect(claimed).toHaveLength(OBJECTS);
    expect(oneClass(claimed)).toBe(true);
  });
});
