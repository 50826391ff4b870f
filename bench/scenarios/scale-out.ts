import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, duplicateAttempts, progress, type BenchTarget } from "../lib/seed";
import { deliverBatch, startWorkerPool } from "../lib/workers";

// Scenario 4: 1, 2 and 4 worker processes (`npm run worker`) on one database. Throughput, and
// duplicates checked twice: the receivers count X-NovaVMS-Delivery ids, and delivery_attempts
// must hold exactly one row per delivery.

export type ScaleOutOptions = {
  deliveries: number;
  runs: number;
  workerCounts: number[];
  endpoints: number;
  timeoutMs: number;
};

export async function runScaleOut(target: BenchTarget, options: ScaleOutOptions): Promise<ScenarioResult> {
  const result = newScenario("4", "Scale-out: worker processes on one database", target.kind);
  const receivers = await startReceivers(Array.from({ length: options.endpoints }, () => "fast" as const));
  try {
    const { orgId } = await createBenchOrg(target);
    const webhookIds = await createWebhooks(target, orgId, receivers.urls);
    const events = Math.max(1, Math.round(options.deliveries / webhookIds.length));
    const total = events * webhookIds.length;
    const checks: Record<string, unknown>[] = [];
    let problems = 0;
    for (const count of options.workerCounts) {
      const pool = await startWorkerPool(target, count);
      const rates: number[] = [];
      let receiverDuplicates = 0;
      let attemptDuplicates = 0;
      try {
        for (let run = 0; run < options.runs; run++) {
          const { seconds, done } = await deliverBatch(target, pool, receivers, {
            orgId,
            webhookIds,
            events,
            timeoutMs: options.timeoutMs,
          });
          const counts = await receivers.counts();
          const duplicates = await duplicateAttempts(target.db);
          const state = await progress(target.db);
          receiverDuplicates += counts.duplicates;
          attemptDuplicates += duplicates;
          if (!done || counts.distinct !== total || state.succeeded !== total) problems += 1;
          rates.push(total / seconds);
          checks.push({
            workers: count,
            run,
            delivered: counts.distinct,
            received: counts.total,
            succeeded: state.succeeded,
            attempts: state.attempts,
            receiverDuplicates: counts.duplicates,
            attemptDuplicates: duplicates,
            finished: done,
          });
        }
      } finally {
        await pool.stop();
      }
      result.metrics.push(metric(`${count} worker${count > 1 ? "s" : ""}: deliveries/s`, "/s", rates));
      result.metrics.push(
        metric(
          `${count} worker${count > 1 ? "s" : ""}: duplicate requests + attempt rows`,
          "",
          [receiverDuplicates + attemptDuplicates],
          { op: "<=", value: 0 },
        ),
      );
    }
    result.details.runs = checks;
    result.notes.push(
      `${total} deliveries per run over ${webhookIds.length} endpoints; the workers are started first, the deliveries queued in one transaction ` +
        `(NOTIFY, and the IPC wake-up \`npm start\` relays), and the clock stops when every delivery is settled and its attempt recorded.`,
    );
    if (problems > 0) result.error = `${problems} run(s) did not deliver every delivery exactly once; see details.runs`;
    return result;
  } finally {
    await receivers.close();
  }
}
