import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { systemCaller } from "../auth/caller";
import { updateWebhook } from "../webhooks/update-webhook";

// Disabled means nothing more is sent: not what the claim finds due, and not a retry scheduled
// by an attempt that was already on the wire when the webhook was disabled.

let ctx: TestContext;
let receiver: Receiver;
let held: Array<() => void> = [];
beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => held.push(() => res.writeHead(500).end("down")));
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

describe("a disabled webhook", () => {
  it("gets no retry from an attempt that was in flight when it was disabled", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, `${receiver.origin}/in-flight`);
    await sendEvent(ctx, orgId);
    const start = new Date();
    const test = createTestDispatcher(ctx, { retryScheduleMs: [1_000, 1_000], start });
    try {
      await test.dispatcher.pump();
      await expect.poll(() => held.length, { timeout: 10_000 }).toBe(1);
      await updateWebhook(ctx, systemCaller(orgId), { webhookId: hook.id, changes: { enabled: false } });
      held.shift()!();
      await expect.poll(() => test.dispatcher.inFlight, { timeout: 10_000 }).toBe(0);

      const { rows } = await ctx.db.pool.query<{ next_attempt_at: Date | null; lease_owner: string | null }>(
        "SELECT next_attempt_at, lease_owner FROM deliveries WHERE webhook_id = $1",
        [hook.id],
      );
      expect(rows[0].next_attempt_at).toBeNull();
      test.clock.now = new Date(start.getTime() + 3_600_000);
      await test.dispatcher.runUntilIdle();
      expect(receiver.requests.filter((r) => r.path === "/in-flight")).toHaveLength(1);
    } finally {
      held.forEach((answer) => answer());
      held = [];
      await test.close();
    }
  });

  it("is not claimed even when one of its deliveries has a next attempt time", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, `${receiver.origin}/due`);
    await sendEvent(ctx, orgId);
    // A due time written by anything that does not know the webhook is off (an older worker).
    await ctx.db.pool.query("UPDATE webhooks SET enabled = false WHERE id = $1", [hook.id]);
    const test = createTestDispatcher(ctx);
    try {
      expect(await test.dispatcher.runUntilIdle()).toBe(0);
      expect(receiver.requests.filter((r) => r.path === "/due")).toHaveLength(0);
    } finally {
      await test.close();
    }
  });
});
