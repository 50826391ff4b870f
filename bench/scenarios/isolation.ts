import { startReceivers, type EndpointMode, type ReceiverCounts, type Receivers } from "../lib/receivers";
import { benchConfig } from "../lib/config";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { clearDeliveries, createBenchOrg, createWebhooks, queueDeliveries, type BenchTarget } from "../lib/seed";
import { waitFor } from "../lib/stats";
import { startWorkerPool } from "../lib/workers";

// Scenario 3: one worker process with the default settings serves 50 endpoints. In the isolation
// run 10 of them (20%) never answer, so each of their attempts holds a slot for the whole 10 s
// timeout; the other 40 must still get ≥ 0.8 of the deliveries per second of a run where all 50
// answer. Runs alternate so that the machine's noise hits both alike.

export type IsolationOptions = { eventsPerRun: number; runs: number; timeoutMs: number };

const HEALTHY = 40;
const HANGING = 10;

export async function runIsolation(target: BenchTarget, options: IsolationOptions): Promise<ScenarioResult> {
  const result = newScenario("3", "Isolation: 20% of endpoints never answer", target.kind);
  const config = benchConfig();
  // Endpoints 0-39 answer at once, 40-49 never answer, 50-59 answer at once (the all-healthy run's
  // last 10, in place of the hanging ones).
  const modes: EndpointMode[] = [
    ...Array(HEALTHY).fill("fast"),
    ...Array(HANGING).fill("hang"),
    ...Array(HANGING).fill("fast"),
  ];
  const receivers = await startReceivers(modes);
  try {
    const healthyOrg = await createBenchOrg(target);
    const healthyHooks = await createWebhooks(target, healthyOrg.orgId, [
      ...receivers.urls.slice(0, HEALTHY),
      ...receivers.urls.slice(HEALTHY + HANGING),
    ]);
    const mixedOrg = await createBenchOrg(target);
    const mixedHooks = await createWebhooks(target, mixedOrg.orgId, receivers.urls.slice(0, HEALTHY + HANGING));

    const allHealthy: number[] = [];
    const withHanging: number[] = [];
    const ratios: number[] = [];
    const runs: Record<string, unknown>[] = [];
    for (let run = 0; run < options.runs; run++) {
      const events = options.eventsPerRun;
      const a = await timedRun(
        target,
        receivers,
        { orgId: healthyOrg.orgId, webhookIds: healthyHooks, events, goal: events * healthyHooks.length },
        (c) => c.total,
        options.timeoutMs,
      );
      const b = await timedRun(
        target,
        receivers,
        { orgId: mixedOrg.orgId, webhookIds: mixedHooks, events, goal: events * HEALTHY },
        (c) => sum(c.perEndpoint.slice(0, HEALTHY)),
        options.timeoutMs,
      );
      allHealthy.push(a.rate);
      withHanging.push(b.rate);
      ratios.push(b.rate / a.rate);
      runs.push({ run, allHealthy: a, withHanging: b });
    }
    result.metrics.push(metric("all 50 answer: deliveries/s", "/s", allHealthy));
    result.metrics.push(metric("10 hang: deliveries/s to the 40 healthy", "/s", withHanging));
    result.metrics.push(
      metric(
        "ratio (healthy with hangs / all healthy)",
        "",
        ratios,
        target.kind === "postgres" ? { op: ">=", value: 0.8 } : undefined,
      ),
    );
    result.details.runs = runs;
    result.notes.push(
      `${options.eventsPerRun} events per run, each to all 50 endpoints; one worker process with the defaults (concurrency ${config.workerConcurrency}, ` +
        `${config.endpointConcurrency} per endpoint, 10 s timeout): the 10 hanging endpoints hold up to ${HANGING * config.endpointConcurrency} slots. ` +
        `Rate = deliveries to the healthy endpoints / time until the last of them arrived.`,
    );
    return result;
  } finally {
    await receivers.close();
  }
}

/** Delivers one run with a fresh worker; the rate counts only what `counted` picks (the healthy endpoints). */
async function timedRun(
  target: BenchTarget,
  receivers: Receivers,
  batch: { orgId: string; webhookIds: string[]; events: number; goal: number },
  counted: (counts: ReceiverCounts) => number,
  timeoutMs: number,
) {
  await clearDeliveries(target.db);
  const pool = await startWorkerPool(target, 1);
  try {
    await receivers.reset();
    await queueDeliveries(target.db, batch.orgId, batch.webhookIds, batch.events);
    const started = performance.now();
    pool.wake();
    const finished = await waitFor(async () => counted(await receivers.counts()) >= batch.goal, timeoutMs, 20);
    const seconds = (performance.now() - started) / 1000;
    const delivered = counted(await receivers.counts());
    return { delivered, goal: batch.goal, seconds, rate: delivered / seconds, finished };
  } finally {
    // Hanging attempts would hold a graceful stop for 10 s; the next run starts from empty tables.
    await pool.stop("SIGKILL");
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
