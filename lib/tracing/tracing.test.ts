import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "../context";
import { addWebhook, createTestDispatcher } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { loadTracing } from "./load";
import type { Tracing } from "./types";

// Traces exported over OTLP/HTTP to a loopback collector: POST /api/v1/events, then a claim span
// and an attempt span per attempt, all in one trace with the right parents.

type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
};

let ctx: TestContext;
let collector: Receiver;
let endpoint: Receiver;
let tracing: Tracing;
const spans: OtlpSpan[] = [];
const logLines: Array<Record<string, unknown>> = [];
/** The traceparent header of each request the endpoint received, by the attempt's request_id. */
const received = new Map<string, string>();
let status = 503;

beforeAll(async () => {
  collector = await startReceiver((req, res, body) => {
    if (req.url === "/v1/traces") {
      const payload = JSON.parse(body.toString("utf8")) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
      };
      for (const rs of payload.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.origin;
  tracing = (await loadTracing("novavms-test"))!;
  ctx = await createTestContext();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  ctx.log = pino({ level: "debug" }, sink);
  setAppContext(ctx);
  endpoint = await startReceiver((req, res) => {
    received.set(String(req.headers["x-novavms-request-id"]), String(req.headers.traceparent));
    res.writeHead(status).end();
  });
});
afterAll(async () => {
  setAppContext(undefined);
  await tracing.shutdown();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  await endpoint.close();
  await collector.close();
  await ctx.close();
});

const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe("OpenTelemetry traces", () => {
  it("follow an event from POST /api/v1/events through each claim to each attempt, in one trace", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, org.orgId, `${endpoint.origin}/traced`);
    // Imported after the endpoint is set: the route is wrapped in a span only when tracing is configured.
    const { POST } = await import("@/app/api/v1/events/route");
    const response = await POST(
      new Request("http://localhost/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ type: "camera.offline", data: { camera_id: "cam_9" } }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(202);

    const start = new Date();
    const test = createTestDispatcher(ctx, { start, retryScheduleMs: [60_000] });
    try {
      await test.dispatcher.runUntilIdle(); // 503: retrying
      status = 200;
      test.clock.now = new Date(start.getTime() + 61_000);
      await test.dispatcher.runUntilIdle(); // 200: succeeded
    } finally {
      await test.close();
    }
    await tracing.flush();

    const root = spans.find((s) => s.name === "POST /api/v1/events");
    expect(root).toBeDefined();
    const claims = spans.filter((s) => s.name === "novavms.claim" && s.traceId === root!.traceId);
    const attempts = spans.filter((s) => s.name === "novavms.attempt" && s.traceId === root!.traceId);
    expect(claims).toHaveLength(2);
    expect(attempts).toHaveLength(2);
    for (const claim of claims) expect(claim.parentSpanId).toBe(root!.spanId);
    expect(attempts.map((a) => a.parentSpanId).sort()).toEqual(claims.map((c) => c.spanId).sort());

    const { rows } = await ctx.db.pool.query<{ request_id: string; response_status: number }>(
      `SELECT request_id, response_status FROM delivery_attempts WHERE org_id = $1 ORDER BY number`,
      [org.orgId],
    );
    const byRequest = (id: string) => attempts.find((a) => attr(a, "novavms.request_id") === id)!;
    expect(byRequest(rows[0].request_id)).toBeDefined();
    expect(attr(byRequest(rows[0].request_id), "novavms.outcome")).toBe("failed");
    expect(attr(byRequest(rows[0].request_id), "novavms.reason")).toBe("http_status");
    expect(attr(byRequest(rows[0].request_id), "http.response.status_code")).toBe(503);
    expect(attr(byRequest(rows[1].request_id), "novavms.outcome")).toBe("succeeded");
    expect(attr(byRequest(rows[1].request_id), "http.response.status_code")).toBe(200);

    // Each request the receiver got continues the trace: its traceparent names the attempt span.
    for (const { request_id } of rows) {
      const span = byRequest(request_id);
      expect(received.get(request_id)).toBe(`00-${span.traceId}-${span.spanId}-01`);
      expect(span.traceId).toBe(root!.traceId);
    }
    const stored = await ctx.db.pool.query<{ trace_id: string }>(
      `SELECT trace_id FROM delivery_attempts WHERE org_id = $1`,
      [org.orgId],
    );
    expect(stored.rows.map((r) => r.trace_id)).toEqual([root!.traceId, root!.traceId]);

    // The attempts' log lines name the attempt, the delivery, the webhook and the trace.
    const failed = logLines.find((l) => l.msg === "delivery attempt failed");
    expect(failed).toMatchObject({
      request_id: rows[0].request_id,
      delivery_id: expect.stringMatching(/^dlv_/),
      webhook_id: expect.stringMatching(/^wh_/),
      trace_id: root!.traceId,
      reason: "http_status",
    });
    const succeeded = logLines.find((l) => l.msg === "delivery attempt succeeded");
    expect(succeeded).toMatchObject({ request_id: rows[1].request_id, trace_id: root!.traceId });
  });

  it("put each grouped event in its own request's trace, and a batch's events in the batch request's trace", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const { POST: single } = await import("@/app/api/v1/events/route");
    const { POST: batch } = await import("@/app/api/v1/events/batch/route");
    const post = (handler: typeof single, url: string, body: unknown) =>
      handler(
        new Request(url, {
          method: "POST",
          headers: { authorization: `Bearer ${org.apiToken}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    // Sent together, these share group-commit statements: each must still carry its own trace.
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(single, "http://localhost/api/v1/events", { type: "camera.offline", data: { i } }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(202));
    const batched = await post(batch, "http://localhost/api/v1/events/batch", {
      events: [
        { type: "camera.offline", data: { b: 1 } },
        { type: "camera.online", data: { b: 2 } },
      ],
    });
    expect(batched.status).toBe(202);
    await tracing.flush();

    const stored = async (ids: string[]) => {
      const { rows } = await ctx.db.pool.query<{ id: string; traceparent: string | null }>(
        `SELECT id, traceparent FROM events WHERE id = ANY($1)`,
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.traceparent]));
    };
    const singleIds = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id));
    const singles = await stored(singleIds);
    const roots = spans.filter((s) => s.name === "POST /api/v1/events");
    for (const id of singleIds) {
      const parent = singles.get(id)!.split("-");
      expect(roots.find((r) => r.traceId === parent[1])?.spanId, id).toBe(parent[2]);
    }
    expect(new Set(singleIds.map((id) => singles.get(id)!.split("-")[1])).size).toBe(6);

    const batchRoot = spans.find((s) => s.name === "POST /api/v1/events/batch");
    expect(batchRoot).toBeDefined();
    expect(attr(batchRoot!, "http.route")).toBe("/api/v1/events/batch");
    const batchIds = ((await batched.json()) as { events: Array<{ id: string }> }).events.map((e) => e.id);
    const inBatch = await stored(batchIds);
    for (const id of batchIds)
      expect(inBatch.get(id)?.split("-").slice(1, 3)).toEqual([batchRoot!.traceId, batchRoot!.spanId]);
  });
});
