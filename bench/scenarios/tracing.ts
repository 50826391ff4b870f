import http from "node:http";
import type { AddressInfo } from "node:net";
import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, progress, type BenchTarget } from "../lib/seed";
import { deliverBatch, startWorkerPool } from "../lib/workers";

// Scenario 8: one worker process draining the same queue with tracing off (no OTEL_* variable:
// no OpenTelemetry SDK loaded) and on (OTLP/HTTP to a loopback collector that counts the spans),
// alternating, so the cost of tracing on the dispatcher shows as a throughput ratio.

export type TracingOptions = { deliveries: number; runs: number; endpoints: number; timeoutMs: number };

export async function runTracing(target: BenchTarget, options: TracingOptions): Promise<ScenarioResult> {
  const result = newScenario("8", "Dispatcher throughput: tracing off vs on", target.kind);
  const receivers = await startReceivers(Array.from({ length: options.endpoints }, () => "fast" as const));
  const collector = await startCollector();
  try {
    const { orgId } = await createBenchOrg(target);
    const webhookIds = await createWebhooks(target, orgId, receivers.urls);
    const events = Math.max(1, Math.round(options.deliveries / webhookIds.length));
    const total = events * webhookIds.length;
    const rates: Record<"off" | "on", number[]> = { off: [], on: [] };
    let problems = 0;
    for (let run = 0; run < options.runs; run++) {
      for (const mode of ["off", "on"] as const) {
        const env: Record<string, string> =
          mode === "on" ? { OTEL_EXPORTER_OTLP_ENDPOINT: collector.origin, OTEL_SERVICE_NAME: "novavms-bench" } : {};
        const pool = await startWorkerPool(target, 1, env);
        try {
          const { seconds, done } = await deliverBatch(target, pool, receivers, {
            orgId,
            webhookIds,
            events,
            timeoutMs: options.timeoutMs,
          });
          rates[mode].push(total / seconds);
          if (!done || (await progress(target.db)).succeeded !== total) problems += 1;
        } finally {
          await pool.stop();
        }
      }
    }
    const ratios = rates.on.map((on, i) => on / rates.off[i]);
    result.metrics.push(metric("tracing off: deliveries/s", "/s", rates.off));
    result.metrics.push(metric("tracing on: deliveries/s", "/s", rates.on));
    result.metrics.push(metric("on / off", "", ratios));
    result.metrics.push(metric("spans received per traced delivery", "", [collector.spans() / (total * options.runs)]));
    result.notes.push(
      `${total} deliveries per run over ${webhookIds.length} endpoints, one worker process (\`npm run worker\`), off and on alternating. ` +
        "Traced: a claim and an attempt span per delivery, batched to a loopback OTLP/HTTP collector (the queued events carry no " +
        "traceparent, so each delivery starts its own trace). Spans the batch processor's queue (2,048) could not hold are dropped by it.",
    );
    if (problems > 0) result.error = `${problems} run(s) did not deliver every delivery`;
    return result;
  } finally {
    await collector.close();
    await receivers.close();
  }
}

/** Answers OTLP/HTTP JSON exports and counts the spans in them. */
async function startCollector() {
  let spans = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans?: Array<{ scopeSpans: Array<{ spans: unknown[] }> }>;
        };
        for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans) spans += ss.spans.length;
      } catch {
        // Not JSON: counted as nothing.
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
