import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAttempt } from "../attempts/record-attempt";
import { replayDelivery } from "../attempts/replay";
import { systemCaller } from "../auth/caller";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { claimDueDeliveries } from "./claim-due";
import type { SendResult } from "../transport/types";

// Leases and late writers, on a fixed clock: who may claim a delivery and when, and which write
// may change its state once someone else has taken it over or a Replay has settled it.

const LEASE_MS = 30_000;
const t0 = new Date("2026-04-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let ctx: TestContext;
let receiver: Receiver;
let status = 200;
beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => res.writeHead(status).end(`status ${status}`));
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

/** One delivery of its own webhook, due at t0. */
async function queueDelivery(): Promise<{ orgId: string; deliveryId: string; webhookId: string }> {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/lease`);
  const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", {}, t0);
  return { orgId, deliveryId: deliveries[0].id, webhookId: webhook.id };
}

/** Claims as `workerId` at `now`, returning the ids claimed among `deliveryId`. */
async function claim(workerId: string, now: Date, deliveryId: string): Promise<string[]> {
  const claimed = await claimDueDeliveries(ctx.db, {
    workerId,
    now,
    limit: 1_000,
    leaseMs: LEASE_MS,
    perWebhook: 8,
    inFlight: new Map(),
  });
  return claimed.map((d) => d.id).filter((id) => id === deliveryId);
}

async function stateOf(deliveryId: string) {
  const d = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
  return {
    status: d.status,
    nextAttemptAt: d.nextAttemptAt,
    leaseOwner: d.leaseOwner,
    attemptCount: d.attemptCount,
    scheduledAttempts: d.scheduledAttempts,
  };
}

/** A scheduled attempt's write as the dispatcher makes it, with the outcome given. */
function writeScheduled(
  target: { orgId: string; deliveryId: string; webhookId: string },
  workerId: string,
  ok: boolean,
  now: Date,
) {
  const result: SendResult = {
    startedAt: now,
    durationMs: 5,
    ok,
    status: ok ? 200 : 503,
    headers: {},
    body: Buffer.from(ok ? "ok" : "busy"),
    bodyTruncated: false,
    failure: ok ? null : { reason: "http_status", message: "HTTP 503" },
  };
  return recordAttempt(ctx.db, {
    deliveryId: target.deliveryId,
    orgId: target.orgId,
    webhookId: target.webhookId,
    requestId: `req_${workerId}_${now.getTime()}`,
    trigger: "scheduled",
    request: { url: `${receiver.origin}/lease`, headers: {}, body: Buffer.from("{}") },
    result,
    next: ok ? { status: "succeeded", nextAttemptAt: null } : { status: "retrying", nextAttemptAt: at(LEASE_MS * 10) },
    workerId,
  });
}

describe("the lease", () => {
  it("keeps a delivery from every other worker until it expires, then lets exactly one take it over", async () => {
    const target = await queueDelivery();
    expect(await claim("worker-a", t0, target.deliveryId)).toEqual([target.deliveryId]);
    // Held: neither a second claim by anyone nor one a millisecond before expiry gets it.
    expect(await claim("worker-b", at(1), target.deliveryId)).toEqual([]);
    expect(await claim("worker-b", at(LEASE_MS - 1), target.deliveryId)).toEqual([]);
    expect((await stateOf(target.deliveryId)).leaseOwner).toBe("worker-a");
    // Expired: the next claim takes it over, and the one after finds it leased again.
    expect(await claim("worker-b", at(LEASE_MS), target.deliveryId)).toEqual([target.deliveryId]);
    expect((await stateOf(target.deliveryId)).leaseOwner).toBe("worker-b");
    expect(await claim("worker-c", at(LEASE_MS + 1), target.deliveryId)).toEqual([]);
  });

  it("lets a zombie worker, whose lease was taken over, log its attempt but never change the state", async () => {
    const target = await queueDelivery();
    await claim("zombie", t0, target.deliveryId);
    expect(await claim("successor", at(LEASE_MS), target.deliveryId)).toEqual([target.deliveryId]);

    // The zombie's late failure while the successor holds the lease: logged, state untouched.
    expect(await writeScheduled(target, "zombie", false, at(LEASE_MS + 10))).toBe(1);
    expect(await stateOf(target.deliveryId)).toEqual({
      status: "pending",
      nextAttemptAt: t0,
      leaseOwner: "successor",
      attemptCount: 1,
      scheduledAttempts: 0,
    });
    // The successor's success applies.
    expect(await writeScheduled(target, "successor", true, at(LEASE_MS + 20))).toBe(2);
    // A zombie writing after the success cannot reopen the delivery either.
    expect(await writeScheduled(target, "zombie", false, at(LEASE_MS + 30))).toBe(3);
    expect(await stateOf(target.deliveryId)).toEqual({
      status: "succeeded",
      nextAttemptAt: null,
      leaseOwner: null,
      attemptCount: 3,
      scheduledAttempts: 1,
    });
    const attempts = await ctx.db.prisma.deliveryAttempt.findMany({
      where: { deliveryId: target.deliveryId },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((a) => [a.number, a.responseStatus])).toEqual([
      [1, 503],
      [2, 200],
      [3, 503],
    ]);
  });
});

describe("a Replay beside the schedule", () => {
  const replay = async (target: { orgId: string; deliveryId: string }) => {
    const test = createTestDispatcher(ctx);
    try {
      return await replayDelivery({ ...ctx, send: test.sender.send }, systemCaller(target.orgId), {
        deliveryId: target.deliveryId,
      });
    } finally {
      await test.close();
    }
  };

  it("that succeeded is not overwritten by a scheduled attempt that fails afterwards", async () => {
    const target = await queueDelivery();
    // A worker has claimed the delivery and is sending when the Replay succeeds.
    await claim("worker-a", t0, target.deliveryId);
    status = 200;
    expect((await replay(target)).attempt).toMatchObject({ trigger: "manual", response_status: 200, error_code: null });
    expect((await stateOf(target.deliveryId)).status).toBe("succeeded");

    expect(await writeScheduled(target, "worker-a", false, at(10))).toBe(2);
    expect(await stateOf(target.deliveryId)).toMatchObject({
      status: "succeeded",
      nextAttemptAt: null,
      attemptCount: 2,
      scheduledAttempts: 0,
    });
  });

  it("that fails leaves the status and the next scheduled attempt alone", async () => {
    const target = await queueDelivery();
    status = 500;
    const test = createTestDispatcher(ctx, { start: t0 });
    try {
      expect(await test.dispatcher.runUntilIdle()).toBeGreaterThanOrEqual(1);
    } finally {
      await test.close();
    }
    const before = await stateOf(target.deliveryId);
    expect(before).toMatchObject({ status: "retrying", attemptCount: 1, scheduledAttempts: 1, leaseOwner: null });
    expect(before.nextAttemptAt?.getTime()).toBe(t0.getTime() + ctx.config.retryScheduleMs[0]);

    const replayed = await replay(target);
    expect(replayed.attempt).toMatchObject({ trigger: "manual", response_status: 500, reason: "http_status" });
    expect(await stateOf(target.deliveryId)).toEqual({ ...before, attemptCount: 2 });
    status = 200;
  });
});
