import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { claimRecoveryItems } from "../recovery/claim-items";
import { createRecovery } from "../recovery/create";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { shareOneHiddenClass, WARM_CALL_SITE } from "../testing/hidden-class";
import { createTestOrg } from "../testing/org-fixtures";
import { seedFailedDeliveries } from "../testing/recovery-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { claimDueDeliveries } from "./claim-due";

// What a claim hands the worker, one object per delivery (or recovery item), must share one hidden
// class (lib/testing/hidden-class.ts), which the worker paid for every delivery it sent until the
// claims built theirs as `{ a, b, ...spread }` instead of `{ ...spread, a, b }`
// (lib/dispatch/claimed-webhook.ts).

const CLAIM = { leaseMs: 60_000, perWebhook: 8, inFlight: new Map<string, number>(), limit: 50 };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe("claimed work shares one hidden class", () => {
  // The check can tell the two apart, so the claims' checks below can fail. Should a newer V8 give
  // spread-first literals one class too, this fails, and the lint rule in eslint.config.mjs can go.
  it("tells a class per object (a literal starting with a spread) from one class (ending with it)", () => {
    const webhook = (i: number) => ({ url: `u${i}`, purpose: "endpoint" });
    const indexes = Array.from({ length: WARM_CALL_SITE }, (_, i) => i);
    expect(shareOneHiddenClass(indexes.map((i) => ({ ...webhook(i), id: `d${i}`, orgId: "o" })))).toBe(false);
    expect(shareOneHiddenClass(indexes.map((i) => ({ id: `d${i}`, orgId: "o", ...webhook(i) })))).toBe(true);
  });

  it("for the dispatcher's claimed deliveries", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, "https://a.example.test/hook");
    await addWebhook(ctx, orgId, "https://b.example.test/hook");
    for (let i = 0; i < WARM_CALL_SITE / 2; i++) await sendEvent(ctx, orgId, "camera.offline", { i });

    const claimed = await claimDueDeliveries(ctx.db, {
      ...CLAIM,
      workerId: "wrk_shape",
      now: new Date(Date.now() + 60_000),
    });
    expect(claimed).toHaveLength(WARM_CALL_SITE);
    expect(shareOneHiddenClass(claimed)).toBe(true);
  });

  it("for a recovery's claimed items", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const urls = ["https://c.example.test/hook", "https://d.example.test/hook"];
    await seedFailedDeliveries(ctx, orgId, { urls, events: WARM_CALL_SITE / 2 });
    const created = await createRecovery(ctx, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    if (created.dryRun) throw new Error("expected a recovery");

    const claimed = await claimRecoveryItems(ctx.db, { ...CLAIM, workerId: "wrk_shape", now: new Date() });
    expect(claimed).toHaveLength(WARM_CALL_SITE);
    expect(shareOneHiddenClass(claimed)).toBe(true);
  });
});
