import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { createDispatcher } from "../dispatch/dispatcher";
import { createSender } from "../transport/send";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { findClosedPort, startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { DEMO_RETRY_SCHEDULE, demoOverrides } from "./defaults";
import { seedDemo } from "./seed";

// What a new user gets from `npm start` with every default (embedded database, demo on): the SSRF
// guard on, the article's retry schedule, and only this server's sandbox receiver reachable on
// loopback. The sandbox is played by a loopback receiver whose origin stands for the server's.

let ctx: TestContext;
let server: Receiver;
const fresh = { PORT: "0" };

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startReceiver((_req, res) => res.writeHead(200).end("ok"));
});
afterAll(async () => {
  await server.close();
  await ctx.close();
});

function defaultConfig() {
  const env = { PORT: String(server.port) };
  return loadConfig({ ...env, ...demoOverrides(loadConfig(env), env), LOG_LEVEL: "silent" });
}

describe("secure defaults in demo mode", () => {
  it("keeps the SSRF guard on and the article's schedule, and allows only the sandbox's exact origin", () => {
    const config = defaultConfig();
    expect(config.allowPrivateNetworks).toBe(false);
    expect(config.retryScheduleMs).toEqual([60_000, 300_000, 900_000, 3_600_000, 21_600_000]);
    expect(config.sandboxOrigin).toBe(`http://127.0.0.1:${server.port}`);
    expect(demoOverrides(loadConfig({ ...fresh, DATABASE_URL: "postgresql://u@db/x" }), {})).toEqual({});
    expect(demoOverrides(loadConfig({ ...fresh, NOVAVMS_DEMO: "0" }), {})).toEqual({});
  });

  it("delivers to the sandbox path on its origin and refuses loopback anywhere else, sending nothing", async () => {
    const config = defaultConfig();
    const sender = createSender({ timeoutMs: 2_000, allowPrivateNetworks: false, sandboxOrigin: config.sandboxOrigin });
    const closed = await findClosedPort();
    try {
      const post = (url: string) => sender.send({ url, headers: {}, body: Buffer.from("{}") });
      const sandbox = await post(`${server.origin}/api/sandbox/ok`);
      expect(sandbox.ok).toBe(true);
      const refused = [
        `${server.origin}/x`,
        `${server.origin}/api/sandboxes`,
        `${server.origin}/api/sandbox/../v1/events`,
        `http://localhost:${server.port}/api/sandbox/ok`,
        `http://[::1]:${server.port}/api/sandbox/ok`,
        `http://127.0.0.1:${closed}/api/sandbox/ok`,
        `http://10.0.0.1/api/sandbox/ok`,
      ];
      for (const url of refused) {
        const result = await post(url);
        expect({ url, reason: result.failure?.reason }).toEqual({ url, reason: "destination_blocked" });
      }
      expect(server.requests.map((r) => r.path)).toEqual(["/api/sandbox/ok"]);
    } finally {
      await sender.close();
    }
  });

  it("refuses a webhook to loopback at delivery and retries it 1 minute after the first attempt", async () => {
    const config = defaultConfig();
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, `http://127.0.0.1:${server.port}/x`);
    const t0 = new Date("2026-05-01T10:00:00Z");
    const { deliveries } = await sendEvent(ctx, orgId, "camera.offline", { camera_id: "c" }, t0);
    const sender = createSender({ timeoutMs: 2_000, allowPrivateNetworks: false, sandboxOrigin: config.sandboxOrigin });
    const dispatcher = createDispatcher({
      db: ctx.db,
      cipher: ctx.cipher,
      send: sender.send,
      log: ctx.log,
      retryScheduleMs: config.retryScheduleMs,
      concurrency: 4,
      endpointConcurrency: 2,
      batchSize: 10,
      leaseMs: 60_000,
      now: () => t0,
    });
    const before = server.requests.length;
    try {
      await dispatcher.runUntilIdle();
    } finally {
      await dispatcher.stop();
      await sender.close();
    }
    const delivery = await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveries[0].id } });
    expect(delivery.status).toBe("retrying");
    expect(delivery.lastReason).toBe("destination_blocked");
    expect(delivery.nextAttemptAt?.getTime()).toBe(t0.getTime() + 60_000);
    expect(server.requests.length).toBe(before);
  });

  it("gives the demo webhooks their own short schedule and leaves every other webhook on the default", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await seedDemo(ctx, orgId, server.origin);
    await addWebhook(ctx, orgId, "https://example.com/hooks");
    const webhooks = await ctx.db.prisma.webhook.findMany({ where: { orgId } });
    expect(webhooks.filter((w) => w.retrySchedule === DEMO_RETRY_SCHEDULE)).toHaveLength(5);
    expect(webhooks.find((w) => w.url === "https://example.com/hooks")?.retrySchedule).toBeNull();
  });
});
