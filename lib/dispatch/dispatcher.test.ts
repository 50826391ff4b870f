import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELIVERY_ERROR_CODE } from "../failures/reasons";
import { createTestOrg } from "../testing/org-fixtures";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { systemCaller } from "../auth/caller";
import { updateWebhook } from "../webhooks/update-webhook";
import { getMetrics } from "../metrics/registry";

let ctx: TestContext;
beforeAll(async () => (ctx = await createTestContext()));
afterAll(() => ctx.close());
// The dispatcher serves every org: each test starts with no deliveries queued.
beforeEach(() => ctx.db.pool.query("TRUNCATE events, deliveries, delivery_attempts"));

const MINUTE = 60_000;

async function attemptsOf(deliveryId: string) {
  return ctx.db.prisma.deliveryAttempt.findMany({ where: { deliveryId }, orderBy: { number: "asc" } });
}

describe("dispatcher: retry schedule on a fake clock", () => {
  let receiver: Receiver;
  let status = 500;
  beforeAll(async () => (receiver = await startReceiver((_req, res) => res.writeHead(status).end(`status ${status}`))));
  afterAll(() => receiver.close());

  it("makes 6 attempts at 0, +1m, +5m, +15m, +1h, +6h, then marks the delivery Failed with webhook_delivery_failed", async () => {
    status = 500;
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, `${receiver.origin}/always-500`);
    const t0 = new Date("2026-03-01T00:00:00Z");
    const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", { camera_id: "cam_9" }, t0);
    const test = createTestDispatcher(ctx, { start: t0 });
    try {
      // Each retry comes that long after the previous attempt failed.
      const gaps = [0, 1, 5, 15, 60, 360].map((m) => m * MINUTE);
      let elapsed = 0;
      for (const [i, gap] of gaps.entries()) {
        // One millisecond early: nothing is due yet.
        test.clock.now = new Date(t0.getTime() + elapsed + gap - 1);
        expect(await test.dispatcher.runUntilIdle()).toBe(0);
        elapsed += gap;
        test.clock.now = new Date(t0.getTime() + elapsed);
        expect({ i, started: await test.dispatcher.runUntilIdle() }).toEqual({ i, started: 1 });
        const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
        expect(delivery.attemptCount).toBe(i + 1);
        expect(delivery.status).toBe(i < 5 ? "retrying" : "failed");
        expect(delivery.nextAttemptAt?.getTime() ?? null).toBe(i < 5 ? t0.getTime() + elapsed + gaps[i + 1] : null);
      }
      test.clock.now = new Date(t0.getTime() + 30 * 24 * 60 * MINUTE);
      expect(await test.dispatcher.runUntilIdle()).toBe(0);

      const attempts = await attemptsOf(deliveries[0].id);
      expect(attempts.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6]);
      // Each attempt is its own request: six distinct request ids, each the one the receiver got.
      expect(new Set(attempts.map((a) => a.requestId)).size).toBe(6);
      expect(receiver.requests.slice(-6).map((r) => headerOf(r.rawHeaders, "x-novavms-request-id"))).toEqual(
        attempts.map((a) => a.requestId),
      );
      expect(
        attempts.every(
          (a) => a.errorCode === DELIVERY_ERROR_CODE && a.reason === "http_status" && a.responseStatus === 500,
        ),
      ).toBe(true);
      const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
      expect(delivery).toMatchObject({ status: "failed", nextAttemptAt: null, lastErrorCode: DELIVERY_ERROR_CODE });
    } finally {
      await test.close();
    }
  });

  it("stops the schedule at the first success", async () => {
    status = 500;
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, `${receiver.origin}/recovers`);
    const t0 = new Date("2026-03-02T00:00:00Z");
    const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", {}, t0);
    const test = createTestDispatcher(ctx, { start: t0 });
    try {
      await test.dispatcher.runUntilIdle();
      test.clock.now = new Date(t0.getTime() + MINUTE);
      await test.dispatcher.runUntilIdle();
      status = 200;
      test.clock.now = new Date(t0.getTime() + 6 * MINUTE);
      expect(await test.dispatcher.runUntilIdle()).toBe(1);
      test.clock.now = new Date(t0.getTime() + 24 * 60 * MINUTE);
      expect(await test.dispatcher.runUntilIdle()).toBe(0);
      const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
      expect(delivery).toMatchObject({
        status: "succeeded",
        attemptCount: 3,
        nextAttemptAt: null,
        lastStatusCode: 200,
        lastErrorCode: null,
      });
      expect((await attemptsOf(deliveries[0].id)).map((a) => a.responseStatus)).toEqual([500, 500, 200]);
    } finally {
      await test.close();
    }
  });
});

describe("dispatcher: isolation and limits", () => {
  it("does not let a hanging endpoint delay the others", { timeout: 180_000 }, async () => {
    const hanging = await startReceiver(() => {});
    const fast = await startReceiver((_req, res) => res.writeHead(204).end());
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const stuck = await addWebhook(ctx, orgId, `${hanging.origin}/never-answers`);
    await addWebhook(ctx, orgId, `${fast.origin}/fast`);
    // The hanging endpoint's requests could only end by this timeout, far beyond the polls below:
    // the order of events, not a stopwatch, shows that the fast endpoint did not wait for them.
    const test = createTestDispatcher(ctx, { timeoutMs: 300_000, concurrency: 16, endpointConcurrency: 2 });
    try {
      for (let i = 0; i < 10; i++) await sendEvent(ctx, orgId);
      await test.dispatcher.pump();
      // The 10 fast deliveries are recorded while the hanging endpoint holds only its 2 slots.
      await expect.poll(() => succeeded(fast.origin), { timeout: 60_000, interval: 20 }).toBe(10);
      expect(hanging.requests.length).toBeLessThanOrEqual(2);
      expect(await ctx.db.prisma.deliveryAttempt.count({ where: { webhookId: stuck.id } })).toBe(0);
      // Once the fast attempts are recorded, only the hanging endpoint's two slots stay busy.
      await expect.poll(() => test.dispatcher.inFlight, { timeout: 60_000, interval: 10 }).toBe(2);
      expect(hanging.requests.length).toBe(2);
    } finally {
      // Closing the receiver ends its two requests, so stopping the dispatcher need not wait.
      await hanging.close();
      await test.close();
      await fast.close();
    }
  });

  it("reports every claim as it is made, before the pump that made it settles (the worker's heartbeat)", async () => {
    const fast = await startReceiver((_req, res) => res.writeHead(204).end());
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, `${fast.origin}/beat`);
    for (let i = 0; i < 6; i++) await sendEvent(ctx, orgId);
    // Whether the pump had settled at each reported claim.
    let settled = false;
    const reported: boolean[] = [];
    const test = createTestDispatcher(ctx, {
      concurrency: 2,
      endpointConcurrency: 2,
      onClaim: () => reported.push(settled),
    });
    const claims = async () => (await getMetrics().claims.get()).values.reduce((sum, v) => sum + v.value, 0);
    try {
      const before = await claims();
      await test.dispatcher.pump().then(() => (settled = true));
      expect(reported[0]).toBe(false);
      await test.dispatcher.runUntilIdle();
      // One report per claim that reached the database, whether it found deliveries or not.
      expect(reported.length).toBe((await claims()) - before);
      expect(fast.requests.length).toBe(6);
    } finally {
      await fast.close();
      await test.close();
    }
  });

  it("never holds more than its slots when wakes claim beside a pump", { timeout: 180_000 }, async () => {
    const hanging = await startReceiver(() => {});
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    for (let i = 0; i < 4; i++) await addWebhook(ctx, orgId, `${hanging.origin}/never-${i}`);
    // 10 slots and 40 due deliveries: each wake while the pump is claiming runs a claim of its own.
    const test = createTestDispatcher(ctx, { timeoutMs: 300_000, concurrency: 10, endpointConcurrency: 10 });
    try {
      for (let i = 0; i < 10; i++) await sendEvent(ctx, orgId);
      const wakes = Array.from({ length: 5 }, () => test.dispatcher.wake());
      await Promise.all(wakes);
      await expect.poll(() => hanging.requests.length, { timeout: 60_000, interval: 20 }).toBe(10);
      // Once more, with every slot taken: nothing is claimed.
      await Promise.all([test.dispatcher.wake(), test.dispatcher.wake()]);
      expect(test.dispatcher.inFlight).toBe(10);
      expect(hanging.requests.length).toBe(10);
      const { rows } = await ctx.db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM deliveries WHERE org_id = $1 AND lease_owner IS NOT NULL",
        [orgId],
      );
      expect(rows[0].n).toBe(10);
    } finally {
      await hanging.close();
      await test.close();
    }
  });

  it(
    "keeps a quarter of the slots from an org whose endpoints hang, for the other orgs",
    { timeout: 180_000 },
    async () => {
      const hanging = await startReceiver(() => {});
      const fast = await startReceiver((_req, res) => res.writeHead(204).end());
      const noisy = await createTestOrg(ctx.db, ctx.cipher, "Hanging endpoints");
      const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet beside them");
      for (let i = 0; i < 4; i++) await addWebhook(ctx, noisy.orgId, `${hanging.origin}/never-${i}`);
      await addWebhook(ctx, quiet.orgId, `${fast.origin}/quiet`);
      // 8 slots, 2 per endpoint: the noisy org's 4 endpoints could fill all 8; its share is 6.
      const test = createTestDispatcher(ctx, { timeoutMs: 300_000, concurrency: 8, endpointConcurrency: 2 });
      try {
        for (let i = 0; i < 5; i++) await sendEvent(ctx, noisy.orgId);
        await test.dispatcher.pump();
        await expect.poll(() => hanging.requests.length, { timeout: 60_000, interval: 20 }).toBe(6);
        expect(test.dispatcher.inFlight).toBe(6);
        // The quiet org's event is sent while the hanging requests still hold their slots.
        await sendEvent(ctx, quiet.orgId);
        await test.dispatcher.pump();
        await expect.poll(() => succeeded(fast.origin), { timeout: 60_000, interval: 20 }).toBe(1);
        expect(hanging.requests.length).toBe(6);
        expect(await ctx.db.prisma.deliveryAttempt.count({ where: { orgId: noisy.orgId } })).toBe(0);
      } finally {
        await hanging.close();
        await test.close();
        await fast.close();
      }
    },
  );

  it("parks a disabled webhook's queued deliveries and resumes them when it is enabled again", async () => {
    const receiver = await startReceiver((_req, res) => res.writeHead(200).end());
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/parked`);
    const test = createTestDispatcher(ctx);
    try {
      const { deliveries } = await sendEvent(ctx, orgId);
      await updateWebhook(ctx, systemCaller(orgId), { webhookId: webhook.id, changes: { enabled: false } });
      expect(await test.dispatcher.runUntilIdle()).toBe(0);
      expect((await sendEvent(ctx, orgId)).deliveries).toEqual([]);
      await updateWebhook(ctx, systemCaller(orgId), { webhookId: webhook.id, changes: { enabled: true } });
      expect(await test.dispatcher.runUntilIdle()).toBe(1);
      expect(receiver.requests.map((r) => headerOf(r.rawHeaders, "x-novavms-delivery"))).toEqual([deliveries[0].id]);
    } finally {
      await test.close();
      await receiver.close();
    }
  });
});

async function succeeded(origin: string): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.url LIKE $1 AND d.status = 'succeeded'",
    [`${origin}/%`],
  );
  return rows[0].n;
}

function headerOf(rawHeaders: string[], name: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) return rawHeaders[i + 1];
  return undefined;
}
