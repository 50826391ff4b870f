import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { createSender, type Sender } from "@/lib/transport/send";
import { createRecoveryRunner, type RecoveryRunner } from "@/lib/recovery/runner";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { deliveryIdsOf, seedFailedDeliveries } from "@/lib/testing/recovery-fixtures";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import * as recoveries from "./route";
import * as recovery from "./[id]/route";
import * as cancel from "./[id]/cancel/route";

// Bulk recovery through the API, worked through by a real recovery runner against a receiver on
// loopback: the dry run's count is what is replayed, one attempt per delivery with trigger
// `recovery`, one running recovery per webhook, cancel, and per-endpoint pacing.

let ctx: TestContext;
let receiver: Receiver;
let sender: Sender;
let status = 200;
let delayMs = 0;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.writeHead(status).end("ok");
    }, delayMs);
  });
  sender = createSender({ timeoutMs: 5_000, allowPrivateNetworks: true });
});
afterAll(async () => {
  setAppContext(undefined);
  await sender.close();
  await receiver.close();
  await ctx.close();
});
beforeEach(() => {
  status = 200;
  delayMs = 0;
  maxInFlight = 0;
  receiver.requests.splice(0);
});

function runner(options: { endpointConcurrency?: number } = {}): RecoveryRunner {
  return createRecoveryRunner({
    db: ctx.db,
    cipher: ctx.cipher,
    send: sender.send,
    log: ctx.log,
    concurrency: 16,
    endpointConcurrency: options.endpointConcurrency ?? 4,
    leaseMs: 60_000,
  });
}

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: unknown, token: string, options: { method?: string; body?: unknown; id?: string } = {}) {
  const request = new Request("http://localhost/api/v1/recoveries", {
    method: options.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await (handler as Handler)(request, {
    params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}),
  });
  return { status: response.status, json: await response.json() };
}

const since = "2026-01-01T00:00:00Z";

describe("POST /api/v1/recoveries", () => {
  it("counts in a dry run, then replays exactly those deliveries once each with trigger recovery", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const { webhookIds, deliveryIds } = await seedFailedDeliveries(ctx, org.orgId, {
      urls: [`${receiver.origin}/a`, `${receiver.origin}/b`],
      events: 100,
    });
    const dry = await call(recoveries.POST, org.apiToken, {
      method: "POST",
      body: { webhook_id: webhookIds[0], since, dry_run: true },
    });
    expect(dry).toEqual({ status: 200, json: { count: 100 } });
    expect(await ctx.db.prisma.recovery.count({ where: { orgId: org.orgId } })).toBe(0);

    const started = await call(recoveries.POST, org.apiToken, {
      method: "POST",
      body: { webhook_id: webhookIds[0], since },
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: "running", total: 100, done: 0, succeeded: 0, failed: 0 });
    expect(started.json.created_at).toEqual(expect.any(String));

    const second = await call(recoveries.POST, org.apiToken, {
      method: "POST",
      body: { webhook_id: webhookIds[0], since },
    });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("recovery_running");
    const orgWide = await call(recoveries.POST, org.apiToken, { method: "POST", body: { since } });
    expect(orgWide.status).toBe(409);

    await runner().runUntilIdle();
    const done = await call(recovery.GET, org.apiToken, { id: started.json.id });
    expect(done.json).toMatchObject({ status: "completed", total: 100, done: 100, succeeded: 100, failed: 0 });

    const received = deliveryIdsOf(receiver.requests);
    const expected = (
      await ctx.db.prisma.delivery.findMany({ where: { webhookId: webhookIds[0] }, select: { id: true } })
    ).map((d) => d.id);
    expect(deliveryIds).toEqual(expect.arrayContaining(expected));
    expect(received).toHaveLength(100);
    expect(new Set(received)).toEqual(new Set(expected));
    const attempts = await ctx.db.prisma.deliveryAttempt.findMany({ where: { webhookId: webhookIds[0] } });
    expect(attempts).toHaveLength(100);
    expect(new Set(attempts.map((a) => a.trigger))).toEqual(new Set(["recovery"]));
    expect(new Set(attempts.map((a) => a.requestId)).size).toBe(100);
    const statuses = await ctx.db.prisma.delivery.groupBy({
      by: ["webhookId", "status"],
      where: { orgId: org.orgId },
      _count: true,
    });
    expect(statuses.map((s) => [s.webhookId === webhookIds[0], s.status, s._count]).sort()).toEqual([
      [false, "failed", 100],
      [true, "succeeded", 100],
    ]);
    const audit = await ctx.db.prisma.auditLog.findFirst({ where: { orgId: org.orgId, action: "recovery.create" } });
    expect(audit?.targetId).toBe(started.json.id);
  });

  it("leaves a delivery whose recovery attempt failed as Failed, with no new schedule", async () => {
    status = 500;
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const { deliveryIds } = await seedFailedDeliveries(ctx, org.orgId, {
      urls: [`${receiver.origin}/down`],
      events: 20,
    });
    const started = await call(recoveries.POST, org.apiToken, { method: "POST", body: { since } });
    await runner().runUntilIdle();
    const done = await call(recovery.GET, org.apiToken, { id: started.json.id });
    expect(done.json).toMatchObject({ status: "completed", total: 20, done: 20, succeeded: 0, failed: 20 });
    const rows = await ctx.db.prisma.delivery.findMany({ where: { id: { in: deliveryIds } } });
    expect(rows.every((d) => d.status === "failed" && d.nextAttemptAt === null && d.attemptCount === 7)).toBe(true);
  });

  it("selects by reason, event type and time, and keeps each org to its own", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const other = await createTestOrg(ctx.db, ctx.cipher);
    const url = `${receiver.origin}/f`;
    const old = new Date("2025-06-01T00:00:00Z");
    await seedFailedDeliveries(ctx, org.orgId, { urls: [url], events: 3, type: "camera.offline", reason: "timeout" });
    const hookB = (await seedFailedDeliveries(ctx, org.orgId, { urls: [url], events: 4, type: "motion.detected" }))
      .webhookIds[0];
    await ctx.db.pool.query(
      `UPDATE deliveries SET created_at = $2 WHERE webhook_id = $1 AND event_type = 'motion.detected' AND id IN (SELECT id FROM deliveries WHERE webhook_id = $1 LIMIT 1)`,
      [hookB, old],
    );
    const count = async (body: Record<string, unknown>, token = org.apiToken) =>
      (await call(recoveries.POST, token, { method: "POST", body: { since, dry_run: true, ...body } })).json;
    // One of the seven was sent before `since`.
    expect(await count({})).toEqual({ count: 6 });
    expect(await count({ reasons: ["timeout"] })).toEqual({ count: 3 });
    expect(await count({ event_types: ["motion.detected"] })).toEqual({ count: 3 });
    expect(await count({ since: "2025-01-01T00:00:00Z", until: since })).toEqual({ count: 1 });
    expect(await count({ statuses: ["succeeded"] })).toMatchObject({ error: { code: "invalid_request" } });
    expect(await count({ webhook_id: hookB }, other.apiToken)).toMatchObject({ error: { code: "not_found" } });
    expect(await count({}, other.apiToken)).toEqual({ count: 0 });
  });

  it("paces each endpoint by its concurrency, stops within a second of Cancel, and lists newest first", async () => {
    delayMs = 50;
    const org = await createTestOrg(ctx.db, ctx.cipher);
    await seedFailedDeliveries(ctx, org.orgId, { urls: [`${receiver.origin}/slow`], events: 400 });
    const started = await call(recoveries.POST, org.apiToken, { method: "POST", body: { since } });
    const worker = runner({ endpointConcurrency: 3 });
    const loop = worker.runUntilIdle();
    await expect
      .poll(async () => (await call(recovery.GET, org.apiToken, { id: started.json.id })).json.done, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(20);
    const cancelled = await call(cancel.POST, org.apiToken, { method: "POST", id: started.json.id });
    const cancelledAt = Date.now();
    expect(cancelled.json.status).toBe("cancelled");
    await loop;
    await worker.stop();
    const latest = await ctx.db.prisma.deliveryAttempt.aggregate({
      where: { orgId: org.orgId },
      _max: { startedAt: true },
    });
    expect(latest._max.startedAt!.getTime()).toBeLessThanOrEqual(cancelledAt + 1_000);
    const after = (await call(recovery.GET, org.apiToken, { id: started.json.id })).json;
    expect(after.status).toBe("cancelled");
    expect(after.done).toBeLessThan(400);
    expect(after.done).toBe(receiver.requests.length);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThanOrEqual(2);

    const next = await call(recoveries.POST, org.apiToken, { method: "POST", body: { since } });
    expect(next.status).toBe(202);
    const list = await call(recoveries.GET, org.apiToken);
    expect(list.json.data.map((r: { id: string }) => r.id)).toEqual([next.json.id, started.json.id]);
    await call(cancel.POST, org.apiToken, { method: "POST", id: next.json.id });
  });
});
