import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeOperatorToken } from "@/lib/auth/operator-tokens";
import { setAppContext } from "@/lib/context";
import { createTestDispatcher } from "@/lib/testing/engine-fixtures";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import * as orgScoped from "./[org]/[...path]/route";
import * as orgRoute from "./[org]/route";
import * as orgsRoute from "./route";

// The orgs API as the platform calls it, against a real database and a real receiver: provision an
// org by its external id, act for it through /orgs/{id}/…, change its limits, delete it.

let ctx: TestContext;
let receiver: Receiver;
let operatorToken: string;
let clock: Date | null = null;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.now = () => clock ?? new Date();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) => res.writeHead(200).end("ok"));
  operatorToken = await storeOperatorToken(ctx.db);
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver?.close();
  await ctx?.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, body?: unknown, token: string | null = operatorToken) {
  const request = new Request(`http://localhost/api/v1${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const [, , org, ...rest] = path.split("?")[0].split("/");
  // A route without dynamic segments gets params that resolve to undefined from Next.js's server.
  const response = !org
    ? await (orgsRoute as Record<string, typeof orgsRoute.GET>)[method](request, {
        params: Promise.resolve(undefined as unknown as Record<string, never>),
      })
    : rest.length === 0
      ? await (orgRoute as Record<string, typeof orgRoute.GET>)[method](request, {
          params: Promise.resolve({ org: decodeURIComponent(org) }),
        })
      : await (orgScoped as Record<string, typeof orgScoped.GET>)[method](request, {
          params: Promise.resolve({ org: decodeURIComponent(org), path: rest }),
        });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : null) as Json };
}

describe("provisioning organisations", () => {
  it("creates an org with the platform's external id, finds it by ext:, lists and renames it", async () => {
    const created = await call("POST", "/orgs", { name: "Acme Cameras", external_id: "cust-1001" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Acme Cameras", external_id: "cust-1001", max_webhooks: 50 });
    expect(created.json.events_per_second).toBeNull();
    expect(created.json.id).toMatch(/^org_/);

    expect((await call("GET", "/orgs/ext:cust-1001")).json.id).toBe(created.json.id);
    expect((await call("GET", `/orgs/${created.json.id}`)).json.external_id).toBe("cust-1001");
    expect((await call("GET", "/orgs/ext:nobody")).json.error.code).toBe("not_found");

    const again = await call("POST", "/orgs", { name: "Other", external_id: "cust-1001" });
    expect([again.status, again.json.error.code]).toEqual([409, "conflict"]);

    const listed = await call("GET", "/orgs?external_id=cust-1001");
    expect(listed.json.data.map((o: Json) => o.id)).toEqual([created.json.id]);

    const renamed = await call("PATCH", "/orgs/ext:cust-1001", { name: "Acme Ltd", max_webhooks: 10 });
    expect(renamed.json).toMatchObject({ id: created.json.id, name: "Acme Ltd", max_webhooks: 10 });
  });

  it("pages the list with a cursor", async () => {
    for (const n of [1, 2, 3]) await call("POST", "/orgs", { name: `Paged ${n}`, external_id: `paged-${n}` });
    const first = await call("GET", "/orgs?limit=2");
    expect(first.json.data).toHaveLength(2);
    const second = await call("GET", `/orgs?limit=2&cursor=${first.json.next_cursor}`);
    const ids = [...first.json.data, ...second.json.data].map((o: Json) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses an org's own API token and a missing token", async () => {
    const { apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    expect((await call("GET", "/orgs", undefined, apiToken)).status).toBe(403);
    expect((await call("POST", "/orgs", { name: "x" }, apiToken)).status).toBe(403);
    expect((await call("GET", "/orgs", undefined, null)).status).toBe(401);
  });

  it("answers bad input with invalid_request", async () => {
    const bad = await call("POST", "/orgs", { name: "", surprise: 1 });
    expect([bad.status, bad.json.error.code]).toEqual([400, "invalid_request"]);
  });
});

describe("acting for an org through /orgs/{id}/…", () => {
  it("registers a webhook and sends an event for the org, with idempotency, and it is delivered", async () => {
    const org = (await call("POST", "/orgs", { name: "Events org", external_id: "events-1" })).json;
    const hook = await call("POST", "/orgs/ext:events-1/webhooks", { url: `${receiver.origin}/hook` });
    expect(hook.status).toBe(201);
    const body = { type: "camera.offline", data: { camera_id: "c1" }, idempotency_key: "k1" };
    const first = await call("POST", "/orgs/ext:events-1/events", body);
    expect(first.status).toBe(202);
    expect(first.json.deliveries).toEqual([{ id: expect.any(String), webhook_id: hook.json.id }]);
    const second = await call("POST", `/orgs/${org.id}/events`, body);
    expect(second.json).toEqual(first.json);

    const dispatcher = createTestDispatcher(ctx);
    try {
      await dispatcher.dispatcher.runUntilIdle();
    } finally {
      await dispatcher.close();
    }
    const delivery = await call("GET", `/orgs/${org.id}/deliveries/${first.json.deliveries[0].id}`);
    expect(delivery.json).toMatchObject({ status: "succeeded", attempt_count: 1 });
    expect((await call("GET", "/orgs/ext:events-1/nothing-here")).status).toBe(404);
  });

  it("lets an org token reach its own org there, and not another org", async () => {
    const mine = await createTestOrg(ctx.db, ctx.cipher, "Mine");
    const theirs = await createTestOrg(ctx.db, ctx.cipher, "Theirs");
    const event = { type: "camera.offline", data: {} };
    expect((await call("POST", `/orgs/${mine.orgId}/events`, event, mine.apiToken)).status).toBe(202);
    const refused = await call("POST", `/orgs/${theirs.orgId}/events`, event, mine.apiToken);
    expect([refused.status, refused.json.error.code]).toEqual([404, "not_found"]);
    expect(await ctx.db.prisma.event.count({ where: { orgId: theirs.orgId } })).toBe(0);
  });
});

describe("per-org limits", () => {
  it("refuses a webhook over max_webhooks with 429 rate_limited", async () => {
    await call("POST", "/orgs", { name: "Small", external_id: "small-1", max_webhooks: 1 });
    expect((await call("POST", "/orgs/ext:small-1/webhooks", { url: `${receiver.origin}/a` })).status).toBe(201);
    const over = await call("POST", "/orgs/ext:small-1/webhooks", { url: `${receiver.origin}/b` });
    expect([over.status, over.json.error.code]).toEqual([429, "rate_limited"]);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses events over events_per_second within one second, and accepts them again the next", async () => {
    await call("POST", "/orgs", { name: "Rate", external_id: "rate-1", events_per_second: 2 });
    const event = { type: "camera.offline", data: {} };
    clock = new Date("2030-01-01T00:00:00.100Z");
    try {
      expect((await call("POST", "/orgs/ext:rate-1/events", event)).status).toBe(202);
      expect((await call("POST", "/orgs/ext:rate-1/events", event)).status).toBe(202);
      const over = await call("POST", "/orgs/ext:rate-1/events", event);
      expect([over.status, over.json.error.code, over.headers.get("retry-after")]).toEqual([429, "rate_limited", "1"]);
      clock = new Date("2030-01-01T00:00:01.050Z");
      expect((await call("POST", "/orgs/ext:rate-1/events", event)).status).toBe(202);
    } finally {
      clock = null;
    }
  });

  it("counts every event of a batch against events_per_second, and stores none of a batch over it", async () => {
    const org = (await call("POST", "/orgs", { name: "Batch", external_id: "rate-2", events_per_second: 3 })).json;
    const batch = (n: number) => ({
      events: Array.from({ length: n }, (_, i) => ({ type: "camera.offline", data: { i } })),
    });
    clock = new Date("2030-01-02T00:00:00.100Z");
    try {
      const first = await call("POST", "/orgs/ext:rate-2/events/batch", batch(2));
      expect([first.status, first.json.events.length]).toEqual([202, 2]);
      const over = await call("POST", "/orgs/ext:rate-2/events/batch", batch(2));
      expect([over.status, over.json.error.code, over.headers.get("retry-after")]).toEqual([429, "rate_limited", "1"]);
      expect(await ctx.db.prisma.event.count({ where: { orgId: org.id } })).toBe(2);
      clock = new Date("2030-01-02T00:00:01.050Z");
      expect((await call("POST", "/orgs/ext:rate-2/events/batch", batch(3))).status).toBe(202);
      expect(await ctx.db.prisma.event.count({ where: { orgId: org.id } })).toBe(5);
    } finally {
      clock = null;
    }
  });
});
