import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";

// Without the worker's one-second tick: a single pump must keep claiming, as attempts finish,
// until nothing is due. Deliveries of a webhook at its endpoint limit are skipped by a claim and
// must be claimed again as soon as its requests end, not at the next tick.

let ctx: TestContext;
let receiver: Receiver;
beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => setTimeout(() => res.writeHead(200).end("ok"), 2));
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

describe("dispatcher pump", () => {
  // The polls wait as long as a loaded machine needs; the test's own timeout is above them.
  it("delivers every due delivery from one pump while endpoints sit at their limit", { timeout: 180_000 }, async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    for (let i = 0; i < 3; i++) await addWebhook(ctx, orgId, `${receiver.origin}/limited-${i}`);
    for (let i = 0; i < 100; i++) await sendEvent(ctx, orgId);
    const test = createTestDispatcher(ctx, { concurrency: 32, endpointConcurrency: 2 });
    try {
      await test.dispatcher.pump();
      await expect.poll(() => receiver.requests.length, { timeout: 90_000, interval: 50 }).toBe(300);
      await expect.poll(() => test.dispatcher.inFlight, { timeout: 60_000, interval: 20 }).toBe(0);
      const { rows } = await ctx.db.pool.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM deliveries WHERE status = 'pending'",
      );
      expect(rows[0].open).toBe(0);
    } finally {
      await test.close();
    }
  });
});
