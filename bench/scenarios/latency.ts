import { buildForBench, startApp } from "../lib/app";
import { postEventsAtRate } from "../lib/load";
import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, type BenchTarget } from "../lib/seed";
import { percentiles, sleep, waitFor } from "../lib/stats";

// Scenario 2: at a steady rate of events, the time from `POST /api/v1/events` answering 202 to
// the first attempt's request arriving at the receiver, through the real web server and a worker
// process. On PostgreSQL the worker is woken by NOTIFY; on PGlite, which passes no notifications
// between connections, by the IPC relay of `npm start`, wired here the same way.

export type LatencyOptions = { perSecond: number; seconds: number; runs: number; warmupSeconds: number };

const EVENT_TYPES = ["camera.offline", "camera.online", "motion.detected", "recording.ready"];

export async function runLatency(target: BenchTarget, options: LatencyOptions): Promise<ScenarioResult> {
  const result = newScenario("2", "Latency: 202 to the first attempt at the receiver", target.kind);
  result.details.buildSeconds = buildForBench();
  const receivers = await startReceivers(EVENT_TYPES.map(() => "fast" as const));
  const { orgId, apiToken } = await createBenchOrg(target);
  // One webhook per event type: every event makes exactly one delivery.
  await createWebhooks(target, orgId, receivers.urls, EVENT_TYPES);
  const app = await startApp(target, { workers: 1, relayIpc: target.kind === "pglite" });
  try {
    const body = (i: number) => ({
      type: EVENT_TYPES[i % EVENT_TYPES.length],
      data: { camera_id: `cam_${i % 500}`, site_id: "site_lobby_east", sequence: i },
    });
    await postEventsAtRate({
      origin: app.origin,
      apiToken,
      perSecond: options.perSecond,
      seconds: options.warmupSeconds,
      body,
    });
    await sleep(1_000);
    const p50s: number[] = [];
    const p99s: number[] = [];
    const rates: number[] = [];
    const runs: Record<string, unknown>[] = [];
    for (let run = 0; run < options.runs; run++) {
      await receivers.reset({ recordArrivals: true });
      const { accepted, failed } = await postEventsAtRate({
        origin: app.origin,
        apiToken,
        perSecond: options.perSecond,
        seconds: options.seconds,
        body,
      });
      const expected = accepted.reduce((n, a) => n + a.deliveryIds.length, 0);
      await waitFor(async () => (await receivers.counts()).distinct >= expected, 30_000, 100);
      const arrivals = new Map((await receivers.arrivals()).map(([id, at]) => [id, at]));
      const latencies: number[] = [];
      let early = 0;
      let missing = 0;
      for (const a of accepted) {
        for (const id of a.deliveryIds) {
          const at = arrivals.get(id);
          if (at === undefined) missing += 1;
          else {
            // The request may reach the receiver before the 202 reaches the client: that is 0.
            if (at < a.acceptedAt) early += 1;
            latencies.push(Math.max(0, at - a.acceptedAt));
          }
        }
      }
      const [p50, p99] = percentiles(latencies, [50, 99]);
      p50s.push(p50);
      p99s.push(p99);
      rates.push(accepted.length / options.seconds);
      const [ingestP50, ingestP99] = percentiles(
        accepted.map((a) => a.latencyMs),
        [50, 99],
      );
      runs.push({
        run,
        accepted: accepted.length,
        failed,
        deliveries: expected,
        missing,
        arrivedBefore202: early,
        p50,
        p99,
        max: Math.max(...latencies),
        ingestP50,
        ingestP99,
      });
    }
    const targets = target.kind === "postgres";
    result.metrics.push(metric("202 → receiver p50", "ms", p50s, targets ? { op: "<=", value: 50 } : undefined));
    result.metrics.push(metric("202 → receiver p99", "ms", p99s, targets ? { op: "<=", value: 1000 } : undefined));
    result.metrics.push(metric("events accepted/s (offered)", "/s", rates));
    result.details.runs = runs;
    result.notes.push(
      `${options.perSecond} events/s offered open-loop for ${options.seconds} s per run (after ${options.warmupSeconds} s of warm-up), one delivery per event, ` +
        `one \`next start\` and one worker process (defaults). Wake-up: ${target.kind === "postgres" ? "PostgreSQL NOTIFY (no IPC relay)" : "the IPC relay of `npm start`"}; the one-second tick is the fallback.`,
    );
    return result;
  } finally {
    await app.stop();
    await receivers.close();
  }
}
