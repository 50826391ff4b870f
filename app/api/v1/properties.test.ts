import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { listDeliveries } from "@/lib/delivery-log/queries";
import { parseLogParams, toDeliveryFilters, LOG_PAGE_SIZE } from "@/lib/delivery-log/log-params";
import { API_ERROR_CODES } from "@/lib/errors";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { proxy } from "@/proxy";
import { NextRequest } from "next/server";
import * as events from "./events/route";
import * as eventBatch from "./events/batch/route";
import * as webhooks from "./webhooks/route";
import * as webhook from "./webhooks/[id]/route";
import * as signing from "./webhooks/[id]/signing/route";
import * as rotate from "./webhooks/[id]/signing/rotate/route";
import * as deliveries from "./deliveries/route";
import * as delivery from "./deliveries/[id]/route";
import * as replay from "./deliveries/[id]/replay/route";
import * as consoleLinks from "./console-links/route";
import * as orgs from "./orgs/route";
import * as org from "./orgs/[org]/route";
import * as orgScoped from "./orgs/[org]/[...path]/route";
import { storeOperatorToken } from "@/lib/auth/operator-tokens";
import * as recoveries from "./recoveries/route";
import * as recovery from "./recoveries/[id]/route";
import * as cancelRecovery from "./recoveries/[id]/cancel/route";
import * as check from "./webhooks/[id]/check/route";
import * as expire from "./webhooks/[id]/signing/expire-previous/route";
import * as verify from "./webhooks/[id]/signing/verify/route";
import * as auditEvents from "./audit-events/route";
import * as alertDestinations from "./alert-destinations/route";
import * as openapi from "./openapi.json/route";

// Property-based: every API route, and the console log's URL parameters, given generated input
// full of NUL characters, lone surrogates, invalid UTF-8, deep nesting, `__proto__`, huge
// numbers and odd dates. Never a 5xx; every error in the documented shape with a documented code;
// and a refused request stores nothing. The orgs API and the /orgs/{id}/… forms of the org-level
// routes are called with the operator token.

type Handler = (request: Request, route: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const RUNS = Number(process.env.NOVAVMS_PROPERTY_RUNS ?? 40);

let ctx: TestContext;
let token: string;
let operatorToken: string;
let orgId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  ({ apiToken: token, orgId } = await createTestOrg(ctx.db, ctx.cipher));
  operatorToken = await storeOperatorToken(ctx.db);
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

const nasty = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "__proto__", "constructor", "%FF", "../..", "'; DROP TABLE x;--"),
  fc.constantFrom("9".repeat(400), "-1e309", "1e309", "NaN", "+275760-09-13T00:00:00Z", "-010000-01-01T00:00:00Z"),
  fc.constantFrom("0000-00-00T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-29T25:61:00+99:00"),
);
const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.double(),
    fc.bigInt().map((n) => Number(n)),
    fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, true, null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom("__proto__", "url", "type", "data")), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;
const deep = fc
  .integer({ min: 50, max: 70_000 })
  .map((n) => `{"type":"a.b","data":{"x":${"[".repeat(n)}${"]".repeat(n)}}}`);

/** A body: JSON of generated objects (with known field names), raw text, or raw bytes. */
const body = fc.oneof(
  fc
    .record(
      {
        url: fc.oneof(nasty, fc.constant("https://example.com/h")),
        type: fc.oneof(nasty, fc.constant("camera.offline")),
        data: nastyValue,
        description: nasty,
        event_types: fc.array(nasty, { maxLength: 3 }),
        enabled: nastyValue,
        idempotency_key: nasty,
        grace_period_seconds: nastyValue,
        name: nastyValue,
        external_id: nastyValue,
        max_webhooks: nastyValue,
        events_per_second: nastyValue,
        path: nasty,
        retry_schedule: nastyValue,
        rate_limit_per_second: nastyValue,
        headers: nastyValue,
        since: nasty,
        until: nasty,
        statuses: nastyValue,
        dry_run: nastyValue,
      },
      { requiredKeys: [] },
    )
    .map((object) => JSON.stringify(object)),
  fc.json(),
  deep,
  fc.string({ unit: "binary" }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(
    '{"__proto__":{"x":1}}',
    '{"type":"a.b","data":{"\\u005f_proto__":1}}',
    '{"url":"https://e.x","__proto__":1}',
  ),
);
const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        nasty,
        fc.constantFrom(
          "limit",
          "cursor",
          "status",
          "since",
          "until",
          "event_type",
          "webhook_id",
          "request_id",
          "external_id",
          "actor",
          "action",
        ),
      ),
      nasty,
    ),
    { maxLength: 4 },
  )
  .map(
    (pairs) =>
      `?${pairs.map(([k, v]) => `${encodeURIComponent(k.replaceAll(/[\ud800-\udfff]/g, ""))}=${encodeURIComponent(v.replaceAll(/[\ud800-\udfff]/g, ""))}`).join("&")}`,
  );

type Route = {
  name: string;
  method: string;
  handler: unknown;
  id?: boolean;
  body?: boolean;
  operator?: boolean;
  /** The route's params from the generated id (by default `{id}` when `id` is set). */
  params?: (id: string) => Record<string, unknown>;
};
const ORG_LEVEL: Route[] = [
  { name: "POST /events", method: "POST", handler: events.POST, body: true },
  { name: "POST /events/batch", method: "POST", handler: eventBatch.POST, body: true },
  { name: "GET /webhooks", method: "GET", handler: webhooks.GET },
  { name: "POST /webhooks", method: "POST", handler: webhooks.POST, body: true },
  { name: "GET /webhooks/{id}", method: "GET", handler: webhook.GET, id: true },
  { name: "PATCH /webhooks/{id}", method: "PATCH", handler: webhook.PATCH, id: true, body: true },
  { name: "DELETE /webhooks/{id}", method: "DELETE", handler: webhook.DELETE, id: true },
  { name: "GET /webhooks/{id}/signing", method: "GET", handler: signing.GET, id: true },
  { name: "POST /webhooks/{id}/signing/rotate", method: "POST", handler: rotate.POST, id: true, body: true },
  { name: "POST /webhooks/{id}/check", method: "POST", handler: check.POST, id: true },
  { name: "POST /webhooks/{id}/signing/verify", method: "POST", handler: verify.POST, id: true },
  { name: "POST /webhooks/{id}/signing/expire-previous", method: "POST", handler: expire.POST, id: true },
  { name: "GET /deliveries", method: "GET", handler: deliveries.GET },
  { name: "GET /deliveries/{id}", method: "GET", handler: delivery.GET, id: true },
  { name: "POST /deliveries/{id}/replay", method: "POST", handler: replay.POST, id: true },
  { name: "GET /recoveries", method: "GET", handler: recoveries.GET },
  { name: "POST /recoveries", method: "POST", handler: recoveries.POST, body: true },
  { name: "GET /recoveries/{id}", method: "GET", handler: recovery.GET, id: true },
  { name: "POST /recoveries/{id}/cancel", method: "POST", handler: cancelRecovery.POST, id: true },
  { name: "GET /alert-destinations", method: "GET", handler: alertDestinations.GET },
  { name: "POST /alert-destinations", method: "POST", handler: alertDestinations.POST, body: true },
  { name: "GET /audit-events", method: "GET", handler: auditEvents.GET },
  { name: "POST /console-links", method: "POST", handler: consoleLinks.POST, body: true },
];
/** The same routes reached as /orgs/{org}/… through the orgs dispatcher, with the operator token. */
const ORG_SCOPED: Route[] = ORG_LEVEL.map((route) => {
  const segments = route.name.split(" ")[1].slice(1).split("/");
  return {
    ...route,
    name: `${route.method} /orgs/{org}/${segments.join("/")}`,
    handler: orgScoped[route.method as "GET" | "POST" | "PATCH" | "DELETE"],
    operator: true,
    params: (id) => ({ org: orgId, path: segments.map((part) => (part === "{id}" ? id : part)) }),
  };
});
const ROUTES: Route[] = [
  ...ORG_LEVEL,
  ...ORG_SCOPED,
  {
    name: "GET /orgs/{nasty}/webhooks",
    method: "GET",
    handler: orgScoped.GET,
    operator: true,
    params: (id) => ({ org: id, path: ["webhooks"] }),
  },
  {
    name: "POST /orgs/{org}/{nasty path}",
    method: "POST",
    handler: orgScoped.POST,
    operator: true,
    body: true,
    params: (id) => ({ org: orgId, path: [id, "replay"] }),
  },
  { name: "GET /orgs", method: "GET", handler: orgs.GET, operator: true },
  { name: "POST /orgs", method: "POST", handler: orgs.POST, body: true, operator: true },
  { name: "GET /orgs/{id}", method: "GET", handler: org.GET, operator: true, params: (id) => ({ org: id }) },
  {
    name: "PATCH /orgs/{id}",
    method: "PATCH",
    handler: org.PATCH,
    body: true,
    operator: true,
    params: (id) => ({ org: id }),
  },
  { name: "DELETE /orgs/{id}", method: "DELETE", handler: org.DELETE, operator: true, params: (id) => ({ org: id }) },
  { name: "GET /openapi.json", method: "GET", handler: openapi.GET },
];

async function counts(): Promise<string> {
  const { rows } = await ctx.db.pool.query(
    `SELECT (SELECT count(*) FROM events WHERE org_id = $1) AS e, (SELECT count(*) FROM webhooks WHERE org_id = $1) AS w,
            (SELECT count(*) FROM deliveries WHERE org_id = $1) AS d, (SELECT count(*) FROM signing_secrets s
              JOIN webhooks w ON w.id = s.webhook_id WHERE w.org_id = $1) AS s, (SELECT count(*) FROM orgs) AS o,
            (SELECT count(*) FROM console_links) AS l, (SELECT count(*) FROM recoveries WHERE org_id = $1) AS r`,
    [orgId],
  );
  return JSON.stringify(rows[0]);
}

describe("every API route, given generated input", () => {
  it.each(ROUTES)("$name never answers 5xx and refuses in the documented shape", async (route) => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        query,
        body,
        fc.constantFrom("application/json", "text/plain", ""),
        async (id, q, raw, type) => {
          const headers: Record<string, string> = { authorization: `Bearer ${route.operator ? operatorToken : token}` };
          if (type) headers["content-type"] = type;
          const request = new Request(`http://localhost/api/v1/x${route.body ? "" : q}`, {
            method: route.method,
            headers,
            body: route.body ? raw : undefined,
          });
          const before = await counts();
          const response = await (route.handler as Handler)(request, {
            params: Promise.resolve(route.params ? route.params(id) : route.id ? { id } : {}),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            const json = await response.json();
            expect(Object.keys(API_ERROR_CODES)).toContain(json.error.code);
            expect(typeof json.error.message).toBe("string");
            expect(json.error.request_id).toMatch(/^api_/);
            expect(await counts()).toBe(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the proxy answers any path with a 400 or passes it on, never a 5xx", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 12 }),
        fc.constantFrom("/api/v1/webhooks/", "/api/v1/orgs/", "/deliveries/", "/operator/"),
        (bytes, prefix) => {
          const encoded = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
          const response = proxy(new NextRequest(new URL(`${prefix}${encoded}`, "http://localhost")));
          const passed = response.headers.get("x-middleware-next") === "1";
          expect(passed || response.status === 400).toBe(true);
          if (passed) expect(() => decodeURIComponent(`${prefix}${encoded}`)).not.toThrow();
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});

describe("the console log's URL parameters, generated", () => {
  it("are refused with a message or give a query that runs", async () => {
    const field = fc.constantFrom("status", "event_type", "range", "since", "until", "q", "cursor", "live");
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(field, fc.oneof(nasty, fc.array(nasty, { minLength: 2, maxLength: 2 }))),
        async (search) => {
          const parsed = parseLogParams(search);
          if (!parsed.ok) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            return;
          }
          const filters = toDeliveryFilters(parsed.params, new Date());
          await listDeliveries(ctx.db, orgId, { ...filters, limit: LOG_PAGE_SIZE, sort: "activity" });
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});
