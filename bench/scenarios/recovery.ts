import { systemCaller } from "../../lib/auth/caller";
import { createRecovery } from "../../lib/recovery/create";
import { getRecovery } from "../../lib/recovery/queries";
import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, queueDeliveries, type BenchTarget } from "../lib/seed";
import { percentiles, sleep, waitFor } from "../lib/stats";
import { startWorkerPool } from "../lib/workers";

// Scenario 8: a bulk recovery of failed deliveries to 10 endpoints while live traffic flows to 4
// others, in one worker process. The recovery's rate, and the live deliveries' time from being
// queued to their request arriving at the receiver, which the recovery must not hold up.

export type RecoveryBenchOptions = { deliveries: number; livePerSecond: number; timeoutMs: number };

const RECOVERY_ENDPOINTS = 10;
const LIVE_ENDPOINTS = 4;
const TICK_MS = 100;

export async function runRecovery(target: BenchTarget, options: RecoveryBenchOptions): Promise<ScenarioResult> {
  const result = newScenario("10", "Recovery while live traffic flows", target.kind);
  const receivers = await startReceivers(
    Array.from({ length: RECOVERY_ENDPOINTS + LIVE_ENDPOINTS }, () => "fast" as const),
  );
  let pool: Awaited<ReturnType<typeof startWorkerPool>> | undefined;
  try {
    const { orgId } = await createBenchOrg(target);
    const recoveryHooks = await createWebhooks(target, orgId, receivers.urls.slice(0, RECOVERY_ENDPOINTS));
    const events = Math.round(options.deliveries / RECOVERY_ENDPOINTS);
    const total = await queueDeliveries(target.db, orgId, recoveryHooks, events, "outage");
    // The outage's aftermath: all of them given up, before any worker runs.
    await target.db.pool.query(
      `UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, scheduled_attempts = 6, attempt_count = 6,
         last_error_code = 'webhook_delivery_failed', last_reason = 'connection_refused'`,
    );
    const liveHooks = await createWebhooks(target, orgId, receivers.urls.slice(RECOVERY_ENDPOINTS));
    pool = await startWorkerPool(target, 1);
    await receivers.reset({ recordArrivals: true });

    const created = await createRecovery(target, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    if (created.dryRun) throw new Error("expected a recovery");
    const started = performance.now();
    let live = true;
    let liveQueued = 0;
    const perTick = Math.max(1, Math.round((options.livePerSecond * TICK_MS) / 1000 / LIVE_ENDPOINTS));
    const traffic = (async () => {
      for (let tick = 0; live; tick++) {
        liveQueued += await queueDeliveries(target.db, orgId, liveHooks, perTick, `live${tick}`);
        pool!.wake();
        await sleep(TICK_MS);
      }
    })();
    const finished = await waitFor(
      async () => (await getRecovery(target.db, orgId, created.recovery.id)).status === "completed",
      options.timeoutMs,
      100,
    );
    const seconds = (performance.now() - started) / 1000;
    live = false;
    await traffic;
    await waitFor(async () => (await receivers.counts()).distinct >= total + liveQueued, 30_000, 100);
    const final = await getRecovery(target.db, orgId, created.recovery.id);

    const arrivals = new Map(await receivers.arrivals());
    const { rows } = await target.db.pool.query<{ id: string; queued: Date }>(
      `SELECT id, created_at AS queued FROM deliveries WHERE webhook_id = ANY($1::text[])`,
      [liveHooks],
    );
    const latencies = rows
      .map((row) => (arrivals.get(row.id) ?? Number.NaN) - row.queued.getTime())
      .filter((ms) => Number.isFinite(ms));
    const [p50, p99] = percentiles(latencies, [50, 99]);
    result.metrics.push(metric("recovery: deliveries/s", "/s", [final.done / seconds]));
    result.metrics.push(metric("live traffic during it: queued → receiver p50", "ms", [Math.max(0, p50)]));
    result.metrics.push(
      metric("live traffic during it: queued → receiver p99", "ms", [Math.max(0, p99)], { op: "<=", value: 1_000 }),
    );
    result.details.runs = [
      {
        total,
        done: final.done,
        succeeded: final.succeeded,
        finished,
        seconds,
        liveQueued,
        liveMeasured: latencies.length,
      },
    ];
    result.notes.push(
      `${total} failed deliveries over ${RECOVERY_ENDPOINTS} endpoints recovered by one worker (recovery slots: NOVAVMS_RECOVERY_CONCURRENCY, ` +
        `half an endpoint's slots each) while ${options.livePerSecond} live deliveries/s go to ${LIVE_ENDPOINTS} other endpoints; ` +
        `latency is from the delivery row's creation to its request's arrival (same machine clock).`,
    );
    if (!finished)
      result.error = `the recovery did not complete within ${options.timeoutMs / 1000} s (then: ${final.status}, ${final.succeeded} of ${total} succeeded)`;
    else if (final.succeeded !== total)
      result.error = `recovery completed: only ${final.succeeded} of ${total} succeeded`;
    return result;
  } finally {
    await pool?.stop();
    await receivers.close();
  }
}
