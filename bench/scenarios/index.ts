import type { ScenarioResult } from "../lib/results";
import type { BenchTarget } from "../lib/seed";
import { runScaleOut } from "./scale-out";
import { runThroughput } from "./throughput";

// Every scenario at its two sizes: --quick (the whole run under 3 minutes) and full (under 15).

export type Scale = "quick" | "full";
export type Log = (line: string) => void;
export type Scenario = { id: string; title: string; run: (target: BenchTarget, scale: Scale, log: Log) => Promise<ScenarioResult> };

export const SCENARIOS: Scenario[] = [
  {
    id: "1",
    title: "throughput vs ceiling",
    run: (target, scale) =>
      runThroughput(target, scale === "quick" ? { deliveries: 3_000, runs: 3, ceilingSeconds: 2, endpoints: 16 } : { deliveries: 12_000, runs: 5, ceilingSeconds: 4, endpoints: 16 }),
  },
  {
    id: "4",
    title: "scale-out: 1, 2 and 4 workers",
    run: (target, scale) =>
      runScaleOut(target, {
        deliveries: scale === "quick" ? 3_000 : 10_000,
        runs: scale === "quick" ? 2 : 3,
        workerCounts: [1, 2, 4],
        endpoints: 32,
        timeoutMs: 120_000,
      }),
  },
];
