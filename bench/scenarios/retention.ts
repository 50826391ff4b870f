import { DAY_MS, prunePass } from "../../lib/retention/prune";
import { buildForBench, startApp, type BenchApp } from "../lib/app";
import { postEventsAtRate } from "../lib/load";
import { startReceivers, type Receivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, type BenchTarget } from "../lib/seed";
import { seedDeliveryLog } from "../lib/seed-log";
import { percentiles, waitFor } from "../lib/stats";

// Scenario 9: live traffic (events at a steady rate through `next start` and a worker) while the
// retention job deletes a large old log, against the same traffic without it: the 202 → receiver
// p99 must stay under 1 s. The log is scenario 6's seed (2.5 attempts per delivery) on webhooks
// that are then disabled, pruned as the workers prune (200 events per statement, 50 ms apart)
// with a clock 30 days ahead, so that every seeded event is past the window and no live one is.

export type RetentionOptions = { deliveries: number; perSecond: number; seconds: number };

export async function runRetention(target: BenchTarget, options: RetentionOptions): Promise<ScenarioResult> {
  const result = newScenario("9", "Retention pruning under live traffic", target.kind);
  result.details.buildSeconds = buildForBench();
  const org = await createBenchOrg(target);
  const oldHooks = await createWebhooks(
    target,
    org.orgId,
    Array.from({ length: 50 }, (_, i) => `https://hooks.example.com/novavms/${i}`),
  );
  const seeded = await seedDeliveryLog(target.url, {
    orgId: org.orgId,
    webhookIds: oldHooks,
    deliveries: options.deliveries,
  });
  await target.db.pool.query("UPDATE webhooks SET enabled = false WHERE id = ANY($1)", [oldHooks]);
  result.details.seed = { ...seeded, deliveries: options.deliveries };
  const receivers = await startReceivers(["fast", "fast", "fast", "fast"]);
  await createWebhooks(target, org.orgId, receivers.urls, ["camera.online"]);
  const app = await startApp(target, { workers: 1, relayIpc: target.kind === "pglite" });
  try {
    await live(app, receivers, org.apiToken, { ...options, seconds: 2 }); // warm-up
    const baseline = await live(app, receivers, org.apiToken, options);
    const pruning = startPruning(target);
    const during = await live(app, receivers, org.apiToken, options);
    const pruned = await pruning.stop();
    result.metrics.push(metric("202 → receiver p99, no pruning", "ms", [baseline.p99]));
    result.metrics.push(metric("202 → receiver p99, while pruning", "ms", [during.p99], { op: "<=", value: 1000 }));
    result.metrics.push(metric("POST /events p99, no pruning", "ms", [baseline.ingestP99]));
    result.metrics.push(metric("POST /events p99, while pruning", "ms", [during.ingestP99]));
    result.metrics.push(metric("events pruned per second while live", "/s", [pruned.events / pruned.seconds]));
    result.details.runs = { baseline, during, pruned };
    result.notes.push(
      `${seeded.attempts} attempts of ${options.deliveries} deliveries seeded; ${options.perSecond} events/s for ${options.seconds} s per phase, ` +
        `one delivery each. Pruned while live: ${pruned.events} events in ${pruned.seconds.toFixed(1)} s` +
        (pruned.finished ? " (all of the old log)." : " (still going when the phase ended)."),
    );
    if (during.missing > 0 || baseline.missing > 0) result.error = "some live deliveries never arrived";
    return result;
  } finally {
    await app.stop();
    await receivers.close();
  }
}

async function live(
  app: BenchApp,
  receivers: Receivers,
  apiToken: string,
  options: { perSecond: number; seconds: number },
) {
  await receivers.reset({ recordArrivals: true });
  const { accepted } = await postEventsAtRate({
    origin: app.origin,
    apiToken,
    perSecond: options.perSecond,
    seconds: options.seconds,
    body: (i) => ({ type: "camera.online", data: { camera_id: `cam_${i % 500}` } }),
  });
  const expected = accepted.reduce((n, a) => n + a.deliveryIds.length, 0);
  await waitFor(async () => (await receivers.counts()).distinct >= expected, 30_000, 100);
  const arrivals = new Map(await receivers.arrivals());
  const latencies: number[] = [];
  let missing = 0;
  for (const a of accepted) {
    for (const id of a.deliveryIds) {
      const at = arrivals.get(id);
      if (at === undefined) missing += 1;
      else latencies.push(Math.max(0, at - a.acceptedAt));
    }
  }
  const [p50, p99] = percentiles(latencies, [50, 99]);
  const [ingestP99] = percentiles(
    accepted.map((a) => a.latencyMs),
    [99],
  );
  return { accepted: accepted.length, missing, p50, p99, ingestP99 };
}

/** The workers' retention loop, in this process, until stopped or the old log is gone. */
function startPruning(target: BenchTarget) {
  const started = performance.now();
  let stopped = false;
  let events = 0;
  let finished = false;
  const running = (async () => {
    const now = new Date(Date.now() + 30 * DAY_MS);
    while (!stopped) {
      const pass = await prunePass(target.db, { retentionDays: 30, now, batchSize: 200, pauseMs: 50, maxBatches: 5 });
      events += pass.events;
      if (pass.events < 5 * 200) {
        finished = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return { events, finished, seconds: (performance.now() - started) / 1000 };
    },
  };
}
