import type { ScenarioResult } from "../lib/results";
import type { BenchTarget } from "../lib/seed";
import { runDeliveryLog } from "./delivery-log";
import { runFairness } from "./fairness";
import { runIngest } from "./ingest";
import { runIsolation } from "./isolation";
import { runLatency } from "./latency";
import { runMemory } from "./memory";
import { runRecovery } from "./recovery";
import { runScaleOut } from "./scale-out";
import { runThroughput } from "./throughput";
import { runTracing } from "./tracing";
import { runRetention } from "./retention";
import { runScale } from "./scale";

// Every scenario at its two sizes: --quick (smaller and fewer runs: the whole run under 3 minutes
// once the console is built) and full (under 15 minutes on 2 cores).

export type Scale = "quick" | "full";
export type Log = (line: string) => void;
export type Scenario = {
  id: string;
  title: string;
  run: (target: BenchTarget, scale: Scale, log: Log) => Promise<ScenarioResult>;
};

const size = <T>(scale: Scale, quick: T, full: T): T => (scale === "quick" ? quick : full);

export const SCENARIOS: Scenario[] = [
  {
    id: "1",
    title: "throughput vs ceiling",
    run: (target, scale) =>
      runThroughput(
        target,
        size(
          scale,
          { deliveries: 2_000, runs: 3, ceilingSeconds: 1.5, endpoints: 16 },
          { deliveries: 12_000, runs: 5, ceilingSeconds: 4, endpoints: 16 },
        ),
      ),
  },
  {
    id: "2",
    title: "latency at 200 events/s",
    run: (target, scale) =>
      runLatency(
        target,
        size(
          scale,
          { perSecond: 200, seconds: 3, runs: 2, warmupSeconds: 1 },
          { perSecond: 200, seconds: 10, runs: 3, warmupSeconds: 3 },
        ),
      ),
  },
  {
    id: "3",
    title: "isolation: 20% of endpoints hang",
    run: (target, scale) =>
      runIsolation(
        target,
        size(
          scale,
          { eventsPerRun: 40, runs: 2, timeoutMs: 30_000 },
          { eventsPerRun: 200, runs: 3, timeoutMs: 120_000 },
        ),
      ),
  },
  {
    id: "4",
    title: "scale-out: 1, 2 and 4 workers",
    run: (target, scale) =>
      runScaleOut(target, {
        deliveries: size(scale, 1_500, 8_000),
        runs: size(scale, 2, 3),
        workerCounts: [1, 2, 4],
        endpoints: 32,
        timeoutMs: 120_000,
      }),
  },
  {
    id: "5",
    title: "ingest: single events, fan-out 50, batches",
    run: (target, scale) =>
      runIngest(
        target,
        size(
          scale,
          { seconds: 2, runs: 2, connections: 16, batchConnections: 4, warmupSeconds: 2 },
          { seconds: 6, runs: 4, connections: 16, batchConnections: 4, warmupSeconds: 6 },
        ),
      ),
  },
  {
    id: "6",
    title: "delivery log over 1,000,000 attempts",
    run: (target, scale) =>
      runDeliveryLog(
        target,
        size(scale, { deliveries: 40_820, iterations: 15, runs: 2 }, { deliveries: 408_200, iterations: 30, runs: 3 }),
      ),
  },
  {
    id: "7",
    title: "memory with 5 MB answers",
    run: (target, scale) =>
      runMemory(target, { deliveries: size(scale, 2_000, 50_000), endpoints: 32, timeoutMs: 300_000 }),
  },
  {
    id: "8",
    title: "dispatcher throughput: tracing off vs on",
    run: (target, scale) =>
      runTracing(target, {
        deliveries: size(scale, 2_000, 8_000),
        runs: size(scale, 2, 3),
        endpoints: 32,
        timeoutMs: 120_000,
      }),
  },
  {
    id: "9",
    title: "retention pruning under live traffic",
    run: (target, scale) =>
      runRetention(target, {
        deliveries: size(scale, 40_820, 408_200),
        perSecond: 100,
        seconds: size(scale, 5, 15),
      }),
  },
  {
    id: "10",
    title: "recovery of failed deliveries during live traffic",
    run: (target, scale) =>
      runRecovery(target, {
        deliveries: size(scale, 2_000, 20_000),
        livePerSecond: 200,
        timeoutMs: size(scale, 120_000, 600_000),
      }),
  },
  {
    id: "11",
    title: "fairness: a quiet org's latency while a noisy org has a backlog",
    run: (target, scale) =>
      runFairness(
        target,
        size(
          scale,
          { backlog: 10_000, quietPerSecond: 20, baselineSeconds: 5, runs: 2, timeoutMs: 180_000 },
          { backlog: 100_000, quietPerSecond: 20, baselineSeconds: 30, runs: 2, timeoutMs: 600_000 },
        ),
      ),
  },
  {
    id: "12",
    title: "flat at scale: a backlog beside 1,000,000 settled deliveries vs on empty tables",
    run: async (target, scale, log) => {
      // The embedded database drains a backlog of 100,000 at about 190 deliveries/s (scenario 11 at
      // full size, 2026-12-06), so the full size's five backlogs would take it over 40 minutes: it
      // runs the --quick size in a full run too. The targets are PostgreSQL's.
      const sized: Scale = target.kind === "pglite" ? "quick" : scale;
      const result = await runScale(
        target,
        size(
          sized,
          { settled: 100_000, backlog: 10_000, tricklePerSecond: 20, runs: 2, timeoutMs: 180_000 },
          { settled: 1_000_000, backlog: 100_000, tricklePerSecond: 20, runs: 2, timeoutMs: 600_000 },
        ),
        log,
      );
      if (sized !== scale)
        result.notes.push("PGlite runs this scenario at the --quick size (100,000 settled, 10,000 due) in a full run.");
      return result;
    },
  },
];
