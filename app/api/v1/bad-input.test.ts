import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { API_ERROR_CODES } from "@/lib/errors";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import * as events from "./events/route";
import * as webhooks from "./webhooks/route";
import * as webhook from "./webhooks/[id]/route";
import * as deliveries from "./deliveries/route";
import * as delivery from "./deliveries/[id]/route";

// Inputs that once answered 500: each must be a 4xx with a documented code, and store nothing.

let ctx: TestContext;
let org: { orgId: string; apiToken: string };
beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  org = await createTestOrg(ctx.db, ctx.cipher);
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, options: { method?: string; query?: string; raw?: string; params?: object }) {
  const request = new Request(`http://localhost/api/v1/x${options.query ?? ""}`, {
    method: options.method ?? "GET",
    headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
    body: options.raw,
  });
  const response = await handler(request, { params: Promise.resolve({ ...options.params }) as never });
  return { status: response.status, json: await response.json() };
}

function expectDocumented4xx(res: { status: number; json: { error?: { code: string } } }) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(Object.keys(API_ERROR_CODES)).toContain(res.json.error?.code);
}

const cursorAt = (at: string) => Buffer.from(JSON.stringify([at, "dlv_x"])).toString("base64url");

describe("inputs that used to answer 500", () => {
  it.each([
    ["a NUL in a path id", webhook.GET, { params: { id: "wh_\u0000" } }],
    ["a NUL in a path id (PATCH)", webhook.PATCH, { method: "PATCH", params: { id: "wh_\u0000" }, raw: "{}" }],
    ["a NUL in a delivery id", delivery.GET, { params: { id: "\u0000" } }],
    ["a NUL in a filter", deliveries.GET, { query: "?event_type=a%00b" }],
    ["a NUL in request_id", deliveries.GET, { query: "?request_id=%00" }],
    ["a cursor before year 1", deliveries.GET, { query: `?cursor=${cursorAt("-010000-01-01T00:00:00Z")}` }],
    ["a cursor after year 9999", deliveries.GET, { query: `?cursor=${cursorAt("+275760-09-13T00:00:00Z")}` }],
    [
      "a NUL in idempotency_key",
      events.POST,
      { method: "POST", raw: '{"type":"a.b","data":{},"idempotency_key":"k\\u0000"}' },
    ],
    [
      "a NUL in description",
      webhooks.POST,
      { method: "POST", raw: '{"url":"https://example.com/h","description":"\\u0000"}' },
    ],
    [
      "a NUL in an event type",
      webhooks.POST,
      { method: "POST", raw: '{"url":"https://example.com/h","event_types":["a\\u0000"]}' },
    ],
    [
      "60,000-deep data",
      events.POST,
      { method: "POST", raw: `{"type":"a.b","data":{"x":${"[".repeat(60_000)}${"]".repeat(60_000)}}}` },
    ],
    [
      "a body whose only unknown key is __proto__",
      webhooks.POST,
      { method: "POST", raw: '{"url":"https://example.com/h","__proto__":{"x":1}}' },
    ],
    ["__proto__ as an escaped key", webhooks.POST, { method: "POST", raw: '{"\\u005f_proto__":1}' }],
  ] as Array<[string, unknown, Parameters<typeof call>[1]]>)(
    "%s is a documented 4xx",
    async (_name, handler, options) => {
      expectDocumented4xx(await call(handler as Handler, options));
    },
  );

  it("refuses an event whose data has a __proto__ key instead of dropping it", async () => {
    const res = await call(events.POST as Handler, {
      method: "POST",
      raw: '{"type":"a.b","data":{"__proto__":{"admin":true},"kept":1}}',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/__proto__/);
    const { rows } = await ctx.db.pool.query("SELECT 1 FROM events WHERE org_id = $1", [org.orgId]);
    expect(rows).toHaveLength(0);
  });
});
