import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "@/lib/auth/caller";
import { setAppContext } from "@/lib/context";
import { replayDelivery } from "@/lib/attempts/replay";
import { createTestDispatcher, sendEvent } from "@/lib/testing/engine-fixtures";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import * as webhooks from "./route";
import * as webhook from "./[id]/route";

// Per-webhook policy through the API: custom headers (refused names, values encrypted at rest and
// masked in the log, sent on every attempt), retry schedule, rate limit, and why it is disabled.

let ctx: TestContext;
let receiver: Receiver;
let org: { orgId: string; apiToken: string };

beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) => res.writeHead(500).end("no"));
  org = await createTestOrg(ctx.db, ctx.cipher);
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver.close();
  await ctx.close();
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: unknown, options: { method?: string; body?: unknown; id?: string } = {}) {
  const request = new Request("http://localhost/api/v1/webhooks", {
    method: options.method ?? "GET",
    headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const params = Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {});
  const response = await (handler as Handler)(request, { params });
  return { status: response.status, json: await response.json().catch(() => null) };
}

const create = (body: Record<string, unknown>) =>
  call(webhooks.POST, { method: "POST", body: { url: `${receiver.origin}/p`, ...body } });

describe("custom headers", () => {
  it("refuses names the contract or HTTP owns, with a message naming the header", async () => {
    for (const name of [
      "X-NovaVMS-Signature",
      "webhook-id",
      "Content-Type",
      "user-agent",
      "Host",
      "Content-Length",
      "Transfer-Encoding",
      "Connection",
    ]) {
      const res = await create({ headers: [{ name, value: "x" }] });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_request");
      expect(res.json.error.message).toContain(name);
    }
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ name: `X-Custom-${i}`, value: "v" }));
    expect((await create({ headers: tooMany })).json.error.message).toMatch(/at most 20/);
    expect((await create({ headers: [{ name: "X-A", value: "line\r\nbreak" }] })).status).toBe(400);
    expect(
      (
        await create({
          headers: [
            { name: "X-A", value: "1" },
            { name: "x-a", value: "2" },
          ],
        })
      ).status,
    ).toBe(400);
  });

  it("sends them on every attempt, keeps the values encrypted, and masks them in the log", async () => {
    const secret = "Bearer gateway-key-0123456789";
    const res = await create({
      headers: [
        { name: "Authorization", value: secret },
        { name: "X-Tenant", value: "acme" },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.json.headers).toEqual([{ name: "Authorization" }, { name: "X-Tenant" }]);
    const { rows } = await ctx.db.pool.query("SELECT row_to_json(w)::text AS row FROM webhooks w WHERE id = $1", [
      res.json.id,
    ]);
    expect(rows[0].row).not.toContain("gateway-key");
    expect(rows[0].row).not.toContain("acme");

    const { deliveries } = await sendEvent(ctx, org.orgId);
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.dispatcher.stop();
    }
    const request = receiver.requests.at(-1)!;
    const header = (name: string) =>
      request.rawHeaders[request.rawHeaders.findIndex((h) => h.toLowerCase() === name) + 1];
    expect(header("authorization")).toBe(secret);
    expect(header("x-tenant")).toBe("acme");
    expect(header("x-novavms-delivery")).toBe(deliveries.find((d) => d.webhook_id === res.json.id)!.id);
    const attempt = await ctx.db.prisma.deliveryAttempt.findFirstOrThrow({ where: { webhookId: res.json.id } });
    const sent = attempt.requestHeaders as Record<string, string>;
    expect(sent.Authorization).toBe("••••6789");
    expect(sent["X-Tenant"]).toBe("••••");
    expect(JSON.stringify(sent)).not.toContain("gateway-key");

    // Replay sends them too.
    const replayed = await replayDelivery({ ...ctx, send: test.sender.send }, systemCaller(org.orgId), {
      deliveryId: attempt.deliveryId,
    });
    expect(replayed.attempt.trigger).toBe("manual");
    const again = receiver.requests.at(-1)!;
    expect(again.rawHeaders[again.rawHeaders.findIndex((h) => h.toLowerCase() === "authorization") + 1]).toBe(secret);

    // PATCH replaces the list; an empty list removes them.
    const patched = await call(webhook.PATCH, { method: "PATCH", id: res.json.id, body: { headers: [] } });
    expect(patched.json.headers).toEqual([]);
    await test.sender.close();
  });
});

describe("retry schedule, rate limit and disabled reason", () => {
  it("validates a webhook's retry schedule and uses it instead of the default", async () => {
    expect((await create({ retry_schedule: "1m,2m,bad" })).json.error.message).toMatch(
      /^retry_schedule: expected durations/,
    );
    expect((await create({ retry_schedule: Array(11).fill("1m").join(",") })).json.error.message).toMatch(
      /at most 10 steps/,
    );
    expect((await create({ retry_schedule: "1m,8d" })).json.error.message).toMatch(/at most 7d/);
    expect((await create({ rate_limit_per_second: 0 })).status).toBe(400);

    const res = await create({ retry_schedule: "10s, 20s", rate_limit_per_second: 5 });
    expect(res.json).toMatchObject({ retry_schedule: "10s,20s", rate_limit_per_second: 5, disabled_reason: null });
    const t0 = new Date("2026-06-01T00:00:00Z");
    const { deliveries } = await sendEvent(ctx, org.orgId, "camera.offline", {}, t0);
    const id = deliveries.find((d) => d.webhook_id === res.json.id)!.id;
    const test = createTestDispatcher(ctx, { start: t0 });
    try {
      await test.dispatcher.runUntilIdle();
      expect((await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id } })).nextAttemptAt?.getTime()).toBe(
        t0.getTime() + 10_000,
      );
      for (const at of [10_000, 30_000]) {
        test.clock.now = new Date(t0.getTime() + at);
        await test.dispatcher.runUntilIdle();
      }
      expect((await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id } })).status).toBe("failed");
    } finally {
      await test.close();
    }

    const cleared = await call(webhook.PATCH, {
      method: "PATCH",
      id: res.json.id,
      body: { retry_schedule: null, enabled: false },
    });
    expect(cleared.json).toMatchObject({ retry_schedule: null, enabled: false, disabled_reason: "manual" });
    expect(cleared.json.disabled_at).toEqual(expect.any(String));
  });
});
