import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { loadConfig } from "../config";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { updateWebhook } from "../webhooks/update-webhook";
import { serializeWebhook } from "../webhooks/serialize";

// Endpoint health on a fake clock against real receivers: Retry-After moves the next attempt,
// 410 Gone disables at once, five days of nothing but failures disable, and enabling sends what
// waited.

let ctx: TestContext;
let receiver: Receiver;
let answer: { status: number; headers?: Record<string, string> } = { status: 200 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((req, res) => {
    const override = /\/ok$/.test(req.url ?? "") ? { status: 200 } : answer;
    res.writeHead(override.status, override.headers).end("x");
  });
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});
beforeEach(() => ctx.db.pool.query("TRUNCATE events, deliveries, delivery_attempts CASCADE"));

async function deliveryAfterOneAttempt(headers: Record<string, string>, status: number, t0: Date) {
  answer = { status, headers };
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  await addWebhook(ctx, orgId, `${receiver.origin}/ra`);
  const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", {}, t0);
  const test = createTestDispatcher(ctx, { start: t0 });
  try {
    await test.dispatcher.runUntilIdle();
  } finally {
    await test.close();
  }
  return ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
}

describe("Retry-After", () => {
  const t0 = new Date("2026-04-01T12:00:00Z");

  it("waits the seconds a 503 asks for instead of the schedule's 1 minute", async () => {
    const delivery = await deliveryAfterOneAttempt({ "Retry-After": "120" }, 503, t0);
    expect(delivery.status).toBe("retrying");
    expect(delivery.nextAttemptAt?.getTime()).toBe(t0.getTime() + 120_000);
  });

  it("waits until the HTTP date a 429 gives", async () => {
    const at = new Date(t0.getTime() + 10 * MINUTE);
    const delivery = await deliveryAfterOneAttempt({ "Retry-After": at.toUTCString() }, 429, t0);
    expect(delivery.nextAttemptAt?.getTime()).toBe(at.getTime());
  });

  it("caps the wait at the schedule's last step and ignores it on other statuses", async () => {
    const capped = await deliveryAfterOneAttempt({ "Retry-After": String(30 * 86_400) }, 429, t0);
    expect(capped.nextAttemptAt?.getTime()).toBe(t0.getTime() + 6 * HOUR);
    const other = await deliveryAfterOneAttempt({ "Retry-After": "600" }, 500, t0);
    expect(other.nextAttemptAt?.getTime()).toBe(t0.getTime() + MINUTE);
    const shorter = await deliveryAfterOneAttempt({ "Retry-After": "5" }, 503, t0);
    expect(shorter.nextAttemptAt?.getTime()).toBe(t0.getTime() + MINUTE);
  });
});

describe("auto-disable", () => {
  it("disables an endpoint that answered 410 Gone at once and parks what is queued", async () => {
    answer = { status: 410 };
    const t0 = new Date("2026-04-02T00:00:00Z");
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/gone`);
    const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", {}, t0);
    const test = createTestDispatcher(ctx, { start: t0 });
    try {
      await test.dispatcher.runUntilIdle();
      const disabled = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
      expect(serializeWebhook(disabled)).toMatchObject({
        enabled: false,
        disabled_reason: "gone",
        disabled_at: t0.toISOString(),
      });
      const parked = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
      expect(parked).toMatchObject({ status: "retrying", nextAttemptAt: null });

      // Enabling sends what waited, and clears the reason.
      answer = { status: 200 };
      test.clock.now = new Date(t0.getTime() + HOUR);
      const enabled = await updateWebhook({ ...ctx, now: () => test.clock.now! }, systemCaller(orgId), {
        webhookId: webhook.id,
        changes: { enabled: true },
      });
      expect(serializeWebhook(enabled)).toMatchObject({ enabled: true, disabled_reason: null, disabled_at: null });
      await test.dispatcher.runUntilIdle();
      const sent = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
      expect(sent.status).toBe("succeeded");
      const audit = await ctx.db.prisma.auditLog.findFirst({ where: { orgId, action: "webhook.auto_disable" } });
      expect(audit?.details).toEqual({ reason: "gone" });
    } finally {
      await test.close();
    }
  });

  it("disables an endpoint whose attempts have all failed for 5 days, not one that succeeded in between", async () => {
    answer = { status: 500 };
    const t0 = new Date("2026-04-10T00:00:00Z");
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const failing = await addWebhook(ctx, orgId, `${receiver.origin}/down`);
    const flaky = await addWebhook(ctx, orgId, `${receiver.origin}/down-then-ok`);
    const test = createTestDispatcher(ctx, { start: t0 });
    const state = async (id: string) => ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id } });
    try {
      // One new event every 12 hours; each time the overdue retries of earlier ones run too.
      for (let half = 0; half <= 10; half++) {
        test.clock.now = new Date(t0.getTime() + half * 12 * HOUR);
        await sendEvent(ctx, orgId, "camera.offline", { half }, test.clock.now);
        if (half === 5) {
          // The second endpoint answers once in the middle of the outage.
          await ctx.db.prisma.webhook.update({ where: { id: flaky.id }, data: { url: `${receiver.origin}/ok` } });
          await test.dispatcher.runUntilIdle();
          await ctx.db.prisma.webhook.update({ where: { id: flaky.id }, data: { url: `${receiver.origin}/down` } });
          continue;
        }
        await test.dispatcher.runUntilIdle();
        if (half === 9) expect((await state(failing.id)).enabled).toBe(true); // 4.5 days
      }
      const after = await state(failing.id);
      expect(after).toMatchObject({ enabled: false, disabledReason: "failing" });
      expect(after.disabledAt?.getTime()).toBe(t0.getTime() + 5 * 24 * HOUR);
      expect(after.failingAttempts).toBeGreaterThanOrEqual(10);
      expect((await state(flaky.id)).enabled).toBe(true);
    } finally {
      await test.close();
    }
  });

  it("reads NOVAVMS_AUTO_DISABLE_AFTER as a duration, 0 meaning never", () => {
    expect(loadConfig({}).autoDisableAfterMs).toBe(5 * 24 * HOUR);
    expect(loadConfig({ NOVAVMS_AUTO_DISABLE_AFTER: "0" }).autoDisableAfterMs).toBe(0);
    expect(loadConfig({ NOVAVMS_AUTO_DISABLE_AFTER: "36h" }).autoDisableAfterMs).toBe(36 * HOUR);
    expect(() => loadConfig({ NOVAVMS_AUTO_DISABLE_AFTER: "soon" })).toThrow(/NOVAVMS_AUTO_DISABLE_AFTER/);
  });
});
