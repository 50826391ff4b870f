import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleMetric } from "../testing/metrics-text";
import { GET as webMetrics } from "@/app/metrics/route";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { systemCaller } from "../auth/caller";
import { setAppContext } from "../context";
import { cancelRecovery } from "../recovery/cancel";
import { createRecovery } from "../recovery/create";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { forgetStatusCounts } from "./database-gauges";
import { startMetricsServer } from "./serve";

// Metrics as Prometheus scrapes them: over HTTP from the worker's metrics server and the web
// route, after real deliveries to a real receiver.

let ctx: TestContext;
let receiver: Receiver;
let org: { orgId: string; apiToken: string };
let server: Awaited<ReturnType<typeof startMetricsServer>>;
const TOKEN = "metrics-token-0123456789";

beforeAll(async () => {
  ctx = await createTestContext({ NOVAVMS_METRICS_TOKEN: TOKEN });
  receiver = await startReceiver((req, res) => res.writeHead(req.url === "/fail" ? 503 : 200).end());
  org = await createTestOrg(ctx.db, ctx.cipher);
  server = await startMetricsServer({ port: 0, token: undefined, db: ctx.db, log: ctx.log, inFlight: () => 3 });
});
afterAll(async () => {
  setAppContext(undefined);
  await server.close();
  await receiver.close();
  await ctx.close();
});

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

describe("Prometheus metrics", () => {
  it("count attempts by outcome and reason, time them and the claims, after real deliveries", async () => {
    const ok = await addWebhook(ctx, org.orgId, `${receiver.origin}/ok`);
    await addWebhook(ctx, org.orgId, `${receiver.origin}/fail`);
    const before = await scrape();
    await sendEvent(ctx, org.orgId);
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }
    forgetStatusCounts();
    const after = await scrape();
    const delta = (name: string, labels?: Record<string, string>) =>
      sampleMetric(after, name, labels) - sampleMetric(before, name, labels);

    expect(delta("novavms_delivery_attempts_total", { outcome: "succeeded", trigger: "scheduled" })).toBe(1);
    expect(delta("novavms_delivery_attempts_total", { outcome: "failed", reason: "http_status" })).toBe(1);
    expect(delta("novavms_delivery_attempt_duration_seconds_count")).toBe(2);
    expect(delta("novavms_dispatch_claims_total", { result: "claimed" })).toBeGreaterThanOrEqual(1);
    expect(delta("novavms_dispatch_claimed_deliveries_total")).toBe(2);
    expect(delta("novavms_dispatch_claim_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sampleMetric(after, "novavms_deliveries", { status: "succeeded" })).toBeGreaterThanOrEqual(1);
    expect(sampleMetric(after, "novavms_deliveries", { status: "retrying" })).toBeGreaterThanOrEqual(1);
    expect(sampleMetric(after, "novavms_delivery_attempts_in_flight")).toBe(3);
    // Bounded labels: no webhook id, URL or org id ever becomes a label value.
    expect(after).not.toContain(ok.id);
    expect(after).not.toContain(receiver.origin);
    expect(after).not.toContain(org.orgId);
  });

  it("report the due deliveries and how long the oldest has waited", async () => {
    const other = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, other.orgId, `${receiver.origin}/ok`);
    await sendEvent(ctx, other.orgId, "camera.offline", {}, new Date(Date.now() - 3_600_000));
    const text = await scrape();
    expect(sampleMetric(text, "novavms_deliveries_due")).toBeGreaterThanOrEqual(1);
    expect(sampleMetric(text, "novavms_oldest_due_delivery_age_seconds")).toBeGreaterThanOrEqual(3_590);
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }
    const drained = await scrape();
    expect(sampleMetric(drained, "novavms_oldest_due_delivery_age_seconds")).toBeLessThan(3_590);
  });

  it("report the bulk recovery jobs running, until they are cancelled", async () => {
    const other = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, other.orgId, `${receiver.origin}/fail`);
    const before = sampleMetric(await scrape(), "novavms_recoveries_running");
    const started = await createRecovery(ctx, systemCaller(other.orgId), {
      webhook_id: hook.id,
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    if (started.dryRun) throw new Error("expected a recovery");
    expect(sampleMetric(await scrape(), "novavms_recoveries_running")).toBe(before + 1);
    await cancelRecovery(ctx, systemCaller(other.orgId), { recoveryId: started.recovery.id });
    const after = await scrape();
    expect(sampleMetric(after, "novavms_recoveries_running")).toBe(before);
    expect(after).not.toContain(started.recovery.id);
  });

  it("count API requests by route pattern and status, and ingested events, on the web route", async () => {
    setAppContext(ctx);
    const ingest = () =>
      postEvent(
        new Request("http://localhost/api/v1/events", {
          method: "POST",
          headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
          body: JSON.stringify({ type: "camera.offline", data: {} }),
        }),
        { params: Promise.resolve({}) },
      );
    const read = async () => {
      const response = await webMetrics(
        new Request("http://localhost/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }),
      );
      expect(response.status).toBe(200);
      return response.text();
    };
    const before = await read();
    expect((await ingest()).status).toBe(202);
    const after = await read();
    const labels = { route: "/events", method: "POST", status: "202" };
    expect(
      sampleMetric(after, "novavms_api_requests_total", labels) -
        sampleMetric(before, "novavms_api_requests_total", labels),
    ).toBe(1);
    expect(
      sampleMetric(after, "novavms_events_ingested_total") - sampleMetric(before, "novavms_events_ingested_total"),
    ).toBe(1);
  });

  it("count every event stored by grouped calls and by batches, and none that an idempotency key answered", async () => {
    setAppContext(ctx);
    const { POST: postBatch } = await import("@/app/api/v1/events/batch/route");
    const request = (url: string, body: unknown) =>
      new Request(url, {
        method: "POST",
        headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const before = await scrape();
    // Concurrent calls share group-commit statements.
    const singles = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        postEvent(request("http://localhost/api/v1/events", { type: "camera.offline", data: { i } }), {
          params: Promise.resolve({}),
        }),
      ),
    );
    expect(singles.map((r) => r.status)).toEqual(Array(5).fill(202));
    const events = [
      { type: "camera.offline", data: { b: 1 }, idempotency_key: "metrics-batch" },
      { type: "camera.offline", data: { b: 2 } },
    ];
    const first = await postBatch(request("http://localhost/api/v1/events/batch", { events }), {
      params: Promise.resolve({}),
    });
    expect(first.status).toBe(202);
    // The keyed event again: answered from its first result, not counted a second time.
    const again = await postBatch(request("http://localhost/api/v1/events/batch", { events: [events[0]] }), {
      params: Promise.resolve({}),
    });
    expect(again.status).toBe(202);
    const after = await scrape();
    const delta = (name: string, labels?: Record<string, string>) =>
      sampleMetric(after, name, labels) - sampleMetric(before, name, labels);
    expect(delta("novavms_events_ingested_total")).toBe(5 + 2);
    const { rows } = await ctx.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhooks WHERE org_id = $1 AND enabled AND purpose = 'endpoint'`,
      [org.orgId],
    );
    expect(delta("novavms_deliveries_created_total")).toBe(7 * rows[0].n);
    expect(delta("novavms_api_requests_total", { route: "/events/batch", method: "POST", status: "202" })).toBe(2);
  });

  it("are refused on the web without the token when one is set, and on the worker port from a wrong token", async () => {
    setAppContext(ctx);
    const noToken = await webMetrics(
      new Request("http://localhost/metrics", { headers: { "x-forwarded-for": "127.0.0.1" } }),
    );
    expect(noToken.status).toBe(403);
    const wrong = await webMetrics(
      new Request("http://localhost/metrics", { headers: { authorization: "Bearer nope" } }),
    );
    expect(wrong.status).toBe(403);

    const guarded = await startMetricsServer({ port: 0, token: TOKEN, db: ctx.db, log: ctx.log });
    try {
      expect((await fetch(`http://127.0.0.1:${guarded.port}/metrics`)).status).toBe(401);
      const ok = await fetch(`http://127.0.0.1:${guarded.port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("novavms_delivery_attempts_total");
    } finally {
      await guarded.close();
    }
  });

  it("are served on the web to loopback callers only when no token is set", async () => {
    setAppContext({ ...ctx, config: { ...ctx.config, metricsToken: undefined } });
    const remote = await webMetrics(
      new Request("http://localhost/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } }),
    );
    expect(remote.status).toBe(403);
    const local = await webMetrics(new Request("http://localhost/metrics", { headers: { "x-forwarded-for": "::1" } }));
    expect(local.status).toBe(200);
  });
});
