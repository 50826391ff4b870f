import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { addWebhook } from "@/lib/testing/engine-fixtures";
import * as batch from "./route";
import * as single from "../route";

// POST /api/v1/events/batch as Next.js calls it: the answer per event in order, all or nothing.

let ctx: TestContext;
let org: { orgId: string; apiToken: string };
let hook: string;

beforeAll(async () => {
  ctx = await createTestContext({ NOVAVMS_MAX_BATCH_BYTES: "20000" });
  setAppContext(ctx);
  org = await createTestOrg(ctx.db, ctx.cipher, "Batch org");
  hook = (await addWebhook(ctx, org.orgId, "https://receiver.example.test/hook")).id;
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

type Handler = (request: Request, route: { params: Promise<Record<string, never>> }) => Promise<Response>;

async function post(handler: Handler, body: unknown, token: string | null = org.apiToken) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request("http://localhost/api/v1/events/batch", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, json: await response.json() };
}

async function eventCount(): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE org_id = $1", [
    org.orgId,
  ]);
  return rows[0].n;
}

describe("POST /api/v1/events/batch", () => {
  it("answers 202 with each event's id and deliveries in the order sent, and per-event idempotency", async () => {
    const first = await post(single.POST as Handler, { type: "camera.offline", data: {}, idempotency_key: "seen" });
    expect(first.status).toBe(202);
    const res = await post(batch.POST as Handler, {
      events: [
        { type: "camera.online", data: { n: 1 } },
        { type: "camera.offline", data: {}, idempotency_key: "seen" },
        { type: "camera.offline", data: { n: 3 }, idempotency_key: "new" },
      ],
    });
    expect(res.status).toBe(202);
    expect(res.json.events).toHaveLength(3);
    expect(res.json.events[1]).toEqual({ ...first.json, duplicate: true });
    expect(res.json.events[0]).toEqual({
      id: expect.stringMatching(/^evt_/),
      deliveries: [{ id: expect.stringMatching(/^dlv_/), webhook_id: hook }],
      duplicate: false,
    });
    expect(res.json.events[2].duplicate).toBe(false);
  });

  it("refuses the whole batch with 400 naming the index of the invalid event, and stores nothing", async () => {
    const before = await eventCount();
    const res = await post(batch.POST as Handler, {
      events: [{ type: "camera.offline", data: {} }, { type: "camera.offline" }, { type: "camera.offline", data: {} }],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    expect(res.json.error.message).toMatch(/^events\.1\.data: /);
    expect(await eventCount()).toBe(before);
  });

  it.each([
    ["no events", { events: [] }, 400],
    ["not a batch", { type: "camera.offline", data: {} }, 400],
    ["a body over NOVAVMS_MAX_BATCH_BYTES", { events: [{ type: "a.b", data: { x: "y".repeat(30_000) } }] }, 413],
    ["a NUL in an idempotency key", { events: [{ type: "a.b", data: {}, idempotency_key: "a\u0000b" }] }, 400],
  ])("refuses %s and stores nothing", async (_name, body, status) => {
    const before = await eventCount();
    const res = await post(batch.POST as Handler, body);
    expect(res.status).toBe(status);
    expect(await eventCount()).toBe(before);
  });

  it("needs the org's API token", async () => {
    const res = await post(batch.POST as Handler, { events: [{ type: "a.b", data: {} }] }, null);
    expect(res.status).toBe(401);
  });
});
