// A worker's own CPU and garbage collection over a phase of a scenario, read from its GET /metrics
// (NOVAVMS_METRICS_PORT: the process figures every worker exports), before and after the phase.

export type WorkerCounters = { cpuSeconds: number; gcPauseSeconds: number };

/** The worker's cumulative CPU time and GC pause time so far. */
export async function readWorkerCounters(port: number): Promise<WorkerCounters> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (!response.ok) throw new Error(`the worker's /metrics answered ${response.status}`);
  const text = await response.text();
  let cpuSeconds = Number.NaN;
  let gcPauseSeconds = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("novavms_process_process_cpu_seconds_total ")) cpuSeconds = Number(line.split(" ")[1]);
    // Every kind of pause: scavenges (minor), mark-compacts (major) and their incremental steps.
    else if (line.startsWith("novavms_process_nodejs_gc_duration_seconds_sum{"))
      gcPauseSeconds += Number(line.split(" ").at(-1));
  }
  if (!Number.isFinite(cpuSeconds)) throw new Error("the worker's /metrics has no process CPU time");
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
