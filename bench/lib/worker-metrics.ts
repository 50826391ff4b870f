// A worker's own CPU and garbage collection over a phase of a scenario, read from its GET /metrics
// (NOVAVMS_METRICS_PORT: the process figures every worker exports), before and after the phase.

import { sampleMetric } from "../../lib/testing/metrics-text";

export type WorkerCounters = { cpuSeconds: number; gcPauseSeconds: number };

/** The worker's cumulative CPU time and GC pause time so far. */
export async function readWorkerCounters(port: number): Promise<WorkerCounters> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!response.ok) throw new Error(`the worker's /metrics answered ${response.status}`);
  const text = await response.text();
  const cpu = "novavms_process_process_cpu_seconds_total";
  if (!text.includes(`\n${cpu} `)) throw new Error("the worker's /metrics has no process CPU time");
  const cpuSeconds = sampleMetric(text, cpu);
  // Every kind of pause: scavenges (minor), mark-compacts (major) and their incremental steps.
  const gcPauseSeconds = sampleMetric(text, "novavms_process_nodejs_gc_duration_seconds_sum");
  return { cpuSeconds, gcPauseSeconds };
}

/** Between two readings: CPU µs per delivery, and the share of the wall time spent in GC pauses. */
export function workerCostOf(
  before: WorkerCounters,
  after: WorkerCounters,
  deliveries: number,
  seconds: number,
): { cpuUsPerDelivery: number; gcPauseShare: number } {
  return {
    cpuUsPerDelivery: ((after.cpuSeconds - before.cpuSeconds) / deliveries) * 1e6,
    gcPauseShare: (after.gcPauseSeconds - before.gcPauseSeconds) / seconds,
  };
}
