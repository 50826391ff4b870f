import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { getDeliveryView, listDeliveryViews } from "@/lib/delivery-log/api-views";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import * as webhooks from "./webhooks/route";
import * as webhook from "./webhooks/[id]/route";
import * as check from "./webhooks/[id]/check/route";
import * as rotate from "./webhooks/[id]/signing/rotate/route";
import * as verify from "./webhooks/[id]/signing/verify/route";
import * as expirePrevious from "./webhooks/[id]/signing/expire-previous/route";
import * as delivery from "./deliveries/[id]/route";

// The diagnosis calls of /api/v1, as Next.js calls them: Check endpoint, Verify new secret, End
// grace period now, and the receiver's request id and trace id in the attempt's shape.

let ctx: TestContext;
let receiver: Receiver;
let org: { orgId: string; apiToken: string };
let other: { orgId: string; apiToken: string };

beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) =>
    res.writeHead(200, { "x-correlation-id": "corr-7f3a" }).end('{"received":true}'),
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

async function call(handler: unknown, options: { method?: string; token?: string; body?: unknown; id?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? org.apiToken}` };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request("http://localhost/api/v1/x", {
    method: options.method ?? "POST",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await (handler as Handler)(request, {
    params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function createHook(): Promise<string> {
  const res = await call(webhooks.POST, { body: { url: `${receiver.origin}/hook` } });
  expect(res.status).toBe(201);
  return res.json.id;
}

describe("POST /api/v1/webhooks/{id}/check", () => {
  it("answers the steps, the verdict and the recorded attempt, whose shape has the receiver's id and the trace id", async () => {
    const id = await createHook();
    const res = await call(check.POST, { id });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      verdict: "ok",
      url: `${receiver.origin}/hook`,
      checked_at: expect.any(String),
      attempt_id: expect.stringMatching(/^att_/),
      request_id: expect.stringMatching(/^req_/),
    });
    expect(res.json.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      "dns:ok",
      "tcp:ok",
      "tls:skipped",
      "http:ok",
    ]);

    const detail = await call(delivery.GET, { method: "GET", id: res.json.delivery_id });
    const attempt = detail.json.attempts[0];
    expect(attempt).toMatchObject({ trigger: "check", receiver_request_id: "corr-7f3a" });
    // A new W3C trace per attempt: the header the receiver got carries the stored trace id.
    const sent = receiver.requests.at(-1)!;
    const traceparent = sent.rawHeaders[sent.rawHeaders.findIndex((h) => h.toLowerCase() === "traceparent") + 1];
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(attempt.trace_id).toBe(traceparent.split("-")[1]);
    expect(detail.json.last_attempt.receiver_request_id).toBe("corr-7f3a");

    // The log's search box finds the delivery by the receiver's id, within the org only.
    const found = await listDeliveryViews(ctx.db, org.orgId, { search: "corr-7f3a", limit: 50, sort: "activity" });
    expect(found.data.map((d) => d.id)).toContain(res.json.delivery_id);
    const elsewhere = await listDeliveryViews(ctx.db, other.orgId, {
      search: "corr-7f3a",
      limit: 50,
      sort: "activity",
    });
    expect(elsewhere.data).toEqual([]);
    const view = await getDeliveryView(ctx.db, org.orgId, res.json.delivery_id);
    expect(view.attempts[0].receiver_request_id).toBe("corr-7f3a");
  });

  it("is 404 for another org's webhook and 401 without a valid token", async () => {
    const id = await createHook();
    expect((await call(check.POST, { id, token: other.apiToken })).json.error.code).toBe("not_found");
    expect((await call(check.POST, { id, token: "nope" })).status).toBe(401);
  });
});

describe("GET /api/v1/webhooks/{id}", () => {
  it("carries certificate: null until an HTTPS attempt has seen one", async () => {
    const id = await createHook();
    const res = await call(webhook.GET, { method: "GET", id });
    expect(res.json.certificate).toBeNull();
    const expiresAt = new Date("2027-01-31T12:00:00Z");
    await ctx.db.prisma.webhook.update({
      where: { id },
      data: { certificateExpiresAt: expiresAt, certificateIssuer: "CN=Test CA", certificateCheckedAt: expiresAt },
    });
    expect((await call(webhook.GET, { method: "GET", id })).json.certificate).toEqual({
      expires_at: "2027-01-31T12:00:00.000Z",
      issuer: "CN=Test CA",
      checked_at: "2027-01-31T12:00:00.000Z",
    });
  });
});

describe("POST /api/v1/webhooks/{id}/signing/verify and /expire-previous", () => {
  it("verifies the new secret, then ends the grace period so only the newest secret is left", async () => {
    const id = await createHook();
    await call(rotate.POST, { id, body: { grace_period_seconds: 3600 } });
    const verified = await call(verify.POST, { id });
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({
      accepted: true,
      response_status: 200,
      request_id: expect.stringMatching(/^req_/),
      checked_at: expect.any(String),
      reason: null,
    });
    const ended = await call(expirePrevious.POST, { id });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ previous: [], expired: 1, secret: expect.stringMatching(/^whsec_/) });
    expect((await call(expirePrevious.POST, { id, token: other.apiToken })).status).toBe(404);
    expect((await call(verify.POST, { id, token: other.apiToken })).status).toBe(404);
  });
});
