import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { createTestDispatcher } from "@/lib/testing/engine-fixtures";
import * as events from "./events/route";
import * as webhooks from "./webhooks/route";
import * as webhook from "./webhooks/[id]/route";
import * as signing from "./webhooks/[id]/signing/route";
import * as rotate from "./webhooks/[id]/signing/rotate/route";
import * as deliveries from "./deliveries/route";
import * as delivery from "./deliveries/[id]/route";
import * as replay from "./deliveries/[id]/replay/route";
import * as unknown from "./[...path]/route";

// The /api/v1 route handlers, called as Next.js calls them, against a real database and a real
// receiver on loopback.

let ctx: TestContext;
let receiver: Receiver;
let status = 500;
let org: { orgId: string; apiToken: string };
let other: { orgId: string; apiToken: string };

beforeAll(async () => {
  ctx = await createTestContext({ NOVAVMS_MAX_EVENT_BYTES: "4096" });
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) =>
    res.writeHead(status, { "content-type": "application/json" }).end(`{"status":${status}}`),
  );
  org = await createTestOrg(ctx.db, ctx.cipher, "Org A");
  other = await createTestOrg(ctx.db, ctx.cipher, "Org B");
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver.close();
  await ctx.close();
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: Handler,
  options: {
    method?: string;
    path?: string;
    token?: string | null;
    body?: unknown;
    raw?: string;
    contentType?: string;
    params?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? org.apiToken : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const request = new Request(`http://localhost/api/v1${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

async function createHook(body: Record<string, unknown> = {}) {
  const res = await call(webhooks.POST as Handler, {
    method: "POST",
    body: { url: `${receiver.origin}/hook`, ...body },
  });
  expect(res.status).toBe(201);
  return res.json as { id: string };
}

describe("POST /api/v1/events", () => {
  it("answers 202 with one delivery per enabled webhook subscribed to the type", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    const asOrg = { token: apiToken };
    const all = await call(webhooks.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { url: `${receiver.origin}/all` },
    });
    const cams = await call(webhooks.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { url: `${receiver.origin}/cams`, event_types: ["camera.offline"] },
    });
    await call(webhooks.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { url: `${receiver.origin}/recordings`, event_types: ["recording.ready"] },
    });
    await call(webhooks.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { url: `${receiver.origin}/off`, enabled: false },
    });

    const res = await call(events.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { type: "camera.offline", data: { camera_id: "cam_1" } },
    });
    expect(res.status).toBe(202);
    expect(res.json.id).toMatch(/^evt_[0-9a-hjkmnp-tv-z]{26}$/);
    // Delivery ids share the id format, and their time part is the event's.
    for (const d of res.json.deliveries)
      expect(d.id).toMatch(new RegExp(`^dlv_${res.json.id.slice(4, 14)}[0-9a-f]{16}$`));
    expect(res.json.deliveries.map((d: { webhook_id: string }) => d.webhook_id).sort()).toEqual(
      [all.json.id, cams.json.id].sort(),
    );
    expect(await ctx.db.prisma.delivery.count({ where: { orgId } })).toBe(2);
  });

  it("returns the first result for a repeated idempotency_key and creates nothing", async () => {
    await createHook();
    const body = { type: "camera.online", data: { n: 1 }, idempotency_key: "key-123" };
    const first = await call(events.POST as Handler, { method: "POST", body });
    const again = await call(events.POST as Handler, { method: "POST", body });
    expect(again.status).toBe(202);
    expect(again.json).toEqual(first.json);
    const reused = await call(events.POST as Handler, { method: "POST", body: { ...body, data: { n: 2 } } });
    expect(reused.status).toBe(409);
    expect(reused.json.error.code).toBe("idempotency_key_reused");
    expect(await ctx.db.prisma.event.count({ where: { idempotencyKey: "key-123" } })).toBe(1);
    // Keys are per org.
    const otherOrg = await call(events.POST as Handler, { method: "POST", token: other.apiToken, body });
    expect(otherOrg.json.id).not.toBe(first.json.id);
  });

  it("answers two concurrent requests with the same idempotency_key alike: one event, one set of deliveries", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    for (const name of ["a", "b", "c"]) {
      await call(webhooks.POST as Handler, {
        method: "POST",
        token: apiToken,
        body: { url: `${receiver.origin}/${name}` },
      });
    }
    const body = { type: "camera.offline", data: { n: 1 }, idempotency_key: "concurrent-1" };
    const answers = await Promise.all(
      Array.from({ length: 2 }, () => call(events.POST as Handler, { method: "POST", token: apiToken, body })),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(answers[0].json.deliveries).toHaveLength(3);
    expect(answers[1].json).toEqual(answers[0].json);
    expect(await ctx.db.prisma.event.count({ where: { orgId } })).toBe(1);
    expect(await ctx.db.prisma.delivery.count({ where: { orgId } })).toBe(3);
  });

  it("refuses a body over the size limit with 413 and a JSON error", async () => {
    const res = await call(events.POST as Handler, {
      method: "POST",
      body: { type: "camera.offline", data: { blob: "x".repeat(5000) } },
    });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: "payload_too_large", request_id: expect.stringMatching(/^api_/) });
  });

  it("needs a valid API token", async () => {
    for (const token of [null, "nvms_not_a_real_token", "whsec_abc"]) {
      const res = await call(events.POST as Handler, {
        method: "POST",
        token,
        body: { type: "camera.offline", data: {} },
      });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
  });
});

describe("webhooks and signing", () => {
  it("creates, reads, updates, lists and deletes, scoped to the token's org", async () => {
    const created = await createHook({ description: "Ops", event_types: ["camera.offline"] });
    const read = await call(webhook.GET as Handler, { params: { id: created.id } });
    expect(read.json).toEqual({
      id: created.id,
      url: `${receiver.origin}/hook`,
      description: "Ops",
      event_types: ["camera.offline"],
      enabled: true,
      disabled_reason: null,
      disabled_at: null,
      retry_schedule: null,
      rate_limit_per_second: null,
      headers: [],
      purpose: "endpoint",
      created_at: expect.any(String),
      certificate: null,
    });
    const patched = await call(webhook.PATCH as Handler, {
      method: "PATCH",
      params: { id: created.id },
      body: { enabled: false },
    });
    expect(patched.json.enabled).toBe(false);

    for (const handler of [webhook.GET, webhook.PATCH, webhook.DELETE, signing.GET, rotate.POST] as Handler[]) {
      const res = await call(handler, { method: "POST", token: other.apiToken, params: { id: created.id }, body: {} });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }

    // Paging, in an org of its own so that other tests' webhooks do not count.
    const paged = await createTestOrg(ctx.db, ctx.cipher);
    const hooks = [];
    for (const name of ["one", "two"]) {
      const res = await call(webhooks.POST as Handler, {
        method: "POST",
        token: paged.apiToken,
        body: { url: `${receiver.origin}/${name}` },
      });
      hooks.push(res.json.id as string);
    }
    const page = await call(webhooks.GET as Handler, { token: paged.apiToken, path: "/webhooks?limit=1" });
    expect(page.json.data).toHaveLength(1);
    expect(page.json.next_cursor).toEqual(expect.any(String));
    const next = await call(webhooks.GET as Handler, {
      token: paged.apiToken,
      path: `/webhooks?limit=1&cursor=${page.json.next_cursor}`,
    });
    expect(next.json.data).toHaveLength(1);
    expect([page.json.data[0].id, next.json.data[0].id].sort()).toEqual([...hooks].sort());
    expect(next.json.next_cursor).toBeNull();

    expect((await call(webhook.DELETE as Handler, { method: "DELETE", params: { id: created.id } })).status).toBe(204);
    expect((await call(webhook.GET as Handler, { params: { id: created.id } })).status).toBe(404);
  });

  it("shows the signing secret and rotates it with a grace period", async () => {
    const { id } = await createHook();
    const before = await call(signing.GET as Handler, { params: { id } });
    expect(before.json).toEqual({
      secret: expect.stringMatching(/^whsec_/),
      created_at: expect.any(String),
      previous: [],
    });
    // Expiry = the rotation's time + the grace: bracketed by the clock around each call.
    const expiresWithin = async (promise: Promise<Awaited<ReturnType<typeof call>>>, graceMs: number) => {
      const start = Date.now();
      const res = await promise;
      const end = Date.now();
      const expires = new Date(res.json.previous[0].expires_at).getTime();
      expect(expires).toBeGreaterThanOrEqual(start + graceMs);
      expect(expires).toBeLessThanOrEqual(end + graceMs);
      return res;
    };
    const rotated = await expiresWithin(
      call(rotate.POST as Handler, { method: "POST", params: { id }, body: { grace_period_seconds: 3600 } }),
      3_600_000,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(before.json.secret);
    expect(rotated.json.previous).toHaveLength(1);
    // With no grace given, 24 hours.
    const defaults = await expiresWithin(call(rotate.POST as Handler, { method: "POST", params: { id } }), 86_400_000);
    expect(defaults.status).toBe(200);
  });
});

describe("deliveries and Replay", () => {
  it("lists, filters, shows attempts, and Replay succeeds after the receiver is fixed", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    const asOrg = { token: apiToken };
    await call(webhooks.POST as Handler, { ...asOrg, method: "POST", body: { url: `${receiver.origin}/replay` } });
    const sent = await call(events.POST as Handler, {
      ...asOrg,
      method: "POST",
      body: { type: "motion.detected", data: { zone: 3 } },
    });
    const deliveryId = sent.json.deliveries[0].id;
    status = 500;
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }

    const list = await call(deliveries.GET as Handler, {
      ...asOrg,
      path: "/deliveries?status=retrying&event_type=motion.detected",
    });
    expect(list.json.data.map((d: { id: string }) => d.id)).toEqual([deliveryId]);
    const detail = await call(delivery.GET as Handler, { ...asOrg, params: { id: deliveryId } });
    expect(detail.json).toMatchObject({
      id: deliveryId,
      status: "retrying",
      attempt_count: 1,
      next_attempt_at: expect.any(String),
      event: { type: "motion.detected", data: { zone: 3 } },
    });
    const [failed] = detail.json.attempts;
    expect(failed).toMatchObject({
      number: 1,
      trigger: "scheduled",
      response_status: 500,
      response_body: '{"status":500}',
      error_code: "webhook_delivery_failed",
      reason: "http_status",
    });
    expect(failed.request_headers["X-NovaVMS-Signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const byRequestId = await call(deliveries.GET as Handler, {
      ...asOrg,
      path: `/deliveries?request_id=${failed.request_id}`,
    });
    expect(byRequestId.json.data.map((d: { id: string }) => d.id)).toEqual([deliveryId]);

    expect(
      (await call(replay.POST as Handler, { method: "POST", token: other.apiToken, params: { id: deliveryId } }))
        .status,
    ).toBe(404);
    expect((await call(delivery.GET as Handler, { token: other.apiToken, params: { id: deliveryId } })).status).toBe(
      404,
    );

    status = 200;
    const replayed = await call(replay.POST as Handler, { ...asOrg, method: "POST", params: { id: deliveryId } });
    expect(replayed.status).toBe(200);
    expect(replayed.json).toMatchObject({ number: 2, trigger: "manual", response_status: 200, error_code: null });
    expect(replayed.json.request_id).not.toBe(failed.request_id);
    const after = await call(delivery.GET as Handler, { ...asOrg, params: { id: deliveryId } });
    expect(after.json).toMatchObject({ status: "succeeded", next_attempt_at: null, attempt_count: 2 });
    expect(await ctx.db.prisma.delivery.count({ where: { orgId, status: "succeeded" } })).toBe(1);
  });
});

describe("bad input never gets a 500", () => {
  const cases: Array<[string, Handler, Parameters<typeof call>[1], number, string]> = [
    [
      "event with a wrong type field",
      events.POST as Handler,
      { method: "POST", body: { type: 42, data: {} } },
      400,
      "invalid_request",
    ],
    [
      "event with a malformed type",
      events.POST as Handler,
      { method: "POST", body: { type: "Camera Offline", data: {} } },
      400,
      "invalid_request",
    ],
    [
      "event whose data is not an object",
      events.POST as Handler,
      { method: "POST", body: { type: "camera.offline", data: [1] } },
      400,
      "invalid_request",
    ],
    [
      "event with an unknown field",
      events.POST as Handler,
      { method: "POST", body: { type: "camera.offline", data: {}, extra: 1 } },
      400,
      "invalid_request",
    ],
    ["event that is not JSON", events.POST as Handler, { method: "POST", raw: "{not json" }, 400, "invalid_request"],
    [
      "event sent as a form",
      events.POST as Handler,
      { method: "POST", raw: "type=x", contentType: "application/x-www-form-urlencoded" },
      415,
      "unsupported_media_type",
    ],
    ["event with an empty body", events.POST as Handler, { method: "POST", raw: "" }, 400, "invalid_request"],
    ["event with a JSON array", events.POST as Handler, { method: "POST", body: [] }, 400, "invalid_request"],
    ["event with a null body", events.POST as Handler, { method: "POST", raw: "null" }, 400, "invalid_request"],
    [
      "idempotency key too long",
      events.POST as Handler,
      { method: "POST", body: { type: "a.b", data: {}, idempotency_key: "k".repeat(300) } },
      400,
      "invalid_request",
    ],
    [
      "webhook with a bad URL",
      webhooks.POST as Handler,
      { method: "POST", body: { url: "ftp://example.com" } },
      400,
      "invalid_request",
    ],
    ["webhook with no URL", webhooks.POST as Handler, { method: "POST", body: {} }, 400, "invalid_request"],
    [
      "webhook with credentials in the URL",
      webhooks.POST as Handler,
      { method: "POST", body: { url: "https://user:pw@example.com/" } },
      400,
      "invalid_request",
    ],
    [
      "webhook with event_types not a list",
      webhooks.POST as Handler,
      { method: "POST", body: { url: "https://example.com/", event_types: "camera.offline" } },
      400,
      "invalid_request",
    ],
    [
      "webhook with enabled not a boolean",
      webhooks.POST as Handler,
      { method: "POST", body: { url: "https://example.com/", enabled: "yes" } },
      400,
      "invalid_request",
    ],
    ["webhooks with limit over 100", webhooks.GET as Handler, { path: "/webhooks?limit=1000" }, 400, "invalid_request"],
    [
      "webhooks with a forged cursor",
      webhooks.GET as Handler,
      { path: "/webhooks?cursor=abc" },
      400,
      "invalid_request",
    ],
    ["webhook id that does not exist", webhook.GET as Handler, { params: { id: "wh_nope" } }, 404, "not_found"],
    [
      "webhook id full of junk",
      webhook.GET as Handler,
      { params: { id: "'; DROP TABLE webhooks; --".repeat(50) } },
      404,
      "not_found",
    ],
    [
      "patch with an unknown field",
      webhook.PATCH as Handler,
      { method: "PATCH", params: { id: "wh_nope" }, body: { colour: "red" } },
      400,
      "invalid_request",
    ],
    [
      "rotate with a negative grace period",
      rotate.POST as Handler,
      { method: "POST", params: { id: "wh_nope" }, body: { grace_period_seconds: -1 } },
      400,
      "invalid_request",
    ],
    [
      "rotate with a grace period over 7 days",
      rotate.POST as Handler,
      { method: "POST", params: { id: "wh_nope" }, body: { grace_period_seconds: 604801 } },
      400,
      "invalid_request",
    ],
    [
      "rotate with a string grace period",
      rotate.POST as Handler,
      { method: "POST", params: { id: "wh_nope" }, body: { grace_period_seconds: "1h" } },
      400,
      "invalid_request",
    ],
    [
      "deliveries with an unknown status",
      deliveries.GET as Handler,
      { path: "/deliveries?status=lost" },
      400,
      "invalid_request",
    ],
    [
      "deliveries with a bad since",
      deliveries.GET as Handler,
      { path: "/deliveries?since=yesterday" },
      400,
      "invalid_request",
    ],
    [
      "deliveries with an unknown parameter",
      deliveries.GET as Handler,
      { path: "/deliveries?colour=red" },
      400,
      "invalid_request",
    ],
    ["deliveries with limit 0", deliveries.GET as Handler, { path: "/deliveries?limit=0" }, 400, "invalid_request"],
    [
      "deliveries with a forged cursor",
      deliveries.GET as Handler,
      { path: "/deliveries?cursor=WyJub3QiXQ" },
      400,
      "invalid_request",
    ],
    ["a delivery that does not exist", delivery.GET as Handler, { params: { id: "dlv_nope" } }, 404, "not_found"],
    [
      "replay of a delivery that does not exist",
      replay.POST as Handler,
      { method: "POST", params: { id: "dlv_nope" } },
      404,
      "not_found",
    ],
    ["an unknown API path", unknown.GET as Handler, { path: "/nothing" }, 404, "not_found"],
  ];

  it.each(cases)("%s", async (_name, handler, options, expectedStatus, code) => {
    const res = await call(handler, options);
    expect(res.status).toBe(expectedStatus);
    expect(res.json.error).toEqual({
      code,
      message: expect.any(String),
      request_id: expect.stringMatching(/^api_/),
      ...(res.json.error.fields && { fields: expect.any(Object) }),
    });
    expect(res.json.error.message).not.toMatch(/at .*\.ts:\d+|prisma|Error:/i);
    expect(res.headers.get("x-request-id")).toBe(res.json.error.request_id);
  });
});
