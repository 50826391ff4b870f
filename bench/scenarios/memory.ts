import { readMemory } from "../lib/processes";
import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, progress, queueDeliveries, type BenchTarget } from "../lib/seed";
import { round, sleep } from "../lib/stats";
import { startWorkerPool } from "../lib/workers";

// Scenario 7: a worker process delivers to receivers that answer every attempt with a 5 MB body.
// The sender keeps 1 KB of each and closes the connection, so the worker's memory must not
// depend on the size of the answers nor grow with the number of deliveries.

const FLATNESS_MIN_DELIVERIES = 20_000;

export type MemoryOptions = { deliveries: number; endpoints: number; timeoutMs: number };

export async function runMemory(target: BenchTarget, options: MemoryOptions): Promise<ScenarioResult> {
  const result = newScenario("7", "Memory: worker RSS with 5 MB answers", target.kind);
  const receivers = await startReceivers(Array.from({ length: options.endpoints }, () => "big" as const));
  const pool = await startWorkerPool(target, 1);
  try {
    const { orgId } = await createBenchOrg(target);
    const webhookIds = await createWebhooks(target, orgId, receivers.urls);
    const events = Math.max(1, Math.round(options.deliveries / webhookIds.length));
    const total = events * webhookIds.length;
    const pid = pool.workers[0].pid;
    const idle = readMemory(pid);
    await queueDeliveries(target.db, orgId, webhookIds, events);
    const started = performance.now();
    pool.wake();
    const samples: Array<{ s: number; delivered: number; rssMb: number }> = [];
    let state = await progress(target.db);
    while (state.open > 0 && performance.now() - started < options.timeoutMs) {
      await sleep(250);
      const memory = readMemory(pid);
      const delivered = (await receivers.counts()).distinct;
      if (memory)
        samples.push({ s: round((performance.now() - started) / 1000), delivered, rssMb: round(memory.rssMb) });
      state = await progress(target.db);
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = readMemory(pid)?.peakMb ?? Number.NaN;
    const counts = await receivers.counts();

    // Flat: the RSS of the last quarter of the deliveries against the second quarter's.
    const quarter = (q: number) =>
      samples.filter((x) => x.delivered > (total * q) / 4 && x.delivered <= (total * (q + 1)) / 4).map((x) => x.rssMb);
    const growth = average(quarter(3)) - average(quarter(1));
    result.metrics.push(metric("worker peak RSS (VmHWM)", "MB", [peak], { op: "<=", value: 300 }));
    // A short run ends while V8 is still sizing its heap: flatness is judged on long runs only.
    const judged = total >= FLATNESS_MIN_DELIVERIES ? ({ op: "<=", value: 20 } as const) : undefined;
    result.metrics.push(metric("RSS growth, 2nd → 4th quarter of the run", "MB", [growth], judged));
    result.metrics.push(metric("deliveries/s with 5 MB answers", "/s", [counts.distinct / seconds]));
    result.details.rssSamples = downsample(samples, 30);
    result.details.checks = {
      total,
      delivered: counts.distinct,
      duplicates: counts.duplicates,
      succeeded: state.succeeded,
      idleRssMb: idle?.rssMb,
      seconds,
    };
    result.notes.push(
      `${total} deliveries to ${webhookIds.length} endpoints answering 200 with a 5 MB body; one worker process with the defaults; RSS read from /proc every 250 ms. One run (the figure's min = max).`,
    );
    if (counts.distinct !== total || state.open > 0)
      result.error = `delivered ${counts.distinct} of ${total} within ${options.timeoutMs / 1000} s`;
    return result;
  } finally {
    await pool.stop();
    await receivers.close();
  }
}

function average(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

function downsample<T>(values: T[], count: number): T[] {
  if (values.length <= count) return values;
  return Array.from({ length: count }, (_, i) => values[Math.round((i * (values.length - 1)) / (count - 1))]);
}
