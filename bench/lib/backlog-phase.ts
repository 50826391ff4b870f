import type { Receivers } from "./receivers";
import { makeDue, plannerCountsDeliveries, queueDeliveries, type BenchTarget } from "./seed";
import { percentiles, waitFor } from "./stats";
import { queueTrickle } from "./trickle";
import type { WorkerPool } from "./workers";

// One measured phase of scenario 12: a due backlog queued at one instant to the backlog org's
// endpoints, and a steady trickle of fresh deliveries to another org's one endpoint for as long
// as the backlog lasts. Measures the backlog's drain rate at the receivers and the trickle's time
// from its delivery row's creation to its request's arrival.

export type BacklogSetup = {
  target: BenchTarget;
  pool: WorkerPool;
  /** The backlog org's endpoints first, the trickle's endpoint last. */
  receivers: Receivers;
  backlogOrgId: string;
  backlogWebhookIds: string[];
  trickleOrgId: string;
  trickleWebhookId: string;
};

export type BacklogPhase = {
  backlog: number;
  drained: boolean;
  /** From the wake-up to the backlog's last request at its receiver. */
  drainSeconds: number;
  deliveriesPerSecond: number;
  trickle: { p50: number; p99: number; max: number; queued: number; measured: number };
  /** The trickle's 10 slowest deliveries: [seconds from the wake-up to being queued, ms to the receiver]. */
  slowest: Array<[number, number]>;
  /** Whether the planner counted the backlog's rows before it was made due (see plannerCountsDeliveries). */
  counted: boolean;
  /** Requests at the receivers: distinct deliveries and repeats of one. */
  received: { distinct: number; duplicates: number };
};

export async function runBacklogPhase(
  setup: BacklogSetup,
  options: { backlog: number; tricklePerSecond: number; timeoutMs: number },
  tag: string,
): Promise<BacklogPhase> {
  const { target, pool, receivers, backlogWebhookIds } = setup;
  await receivers.reset({ recordArrivals: true });
  const events = Math.max(1, Math.ceil(options.backlog / backlogWebhookIds.length));
  // Queued waiting for an attempt a day away, then all made due at once by one statement once the
  // planner counts them (as scenario 11 does, and as retries come due when an outage ends).
  const backlog = await queueDeliveries(
    target.db,
    setup.backlogOrgId,
    backlogWebhookIds,
    events,
    `${tag}b`,
    new Date(Date.now() + 86_400_000),
  );
  const counted = await plannerCountsDeliveries(target);
  await makeDue(target.db, setup.backlogOrgId);
  const startedMs = Date.now();
  pool.wake();
  const backlogArrived = async () =>
    (await receivers.counts()).perEndpoint.slice(0, backlogWebhookIds.length).reduce((a, b) => a + b, 0) >= backlog;

  const queued = await queueTrickle(target, pool, {
    orgId: setup.trickleOrgId,
    webhookId: setup.trickleWebhookId,
    perSecond: options.tricklePerSecond,
    tag: `${tag}t`,
    ms: options.timeoutMs,
    done: backlogArrived,
  });
  const drained = await backlogArrived();
  await waitFor(async () => (await receivers.counts()).perEndpoint.at(-1)! >= queued, 30_000, 100);
  const counts = await receivers.counts();
  const arrivals = new Map(await receivers.arrivals());

  const backlogPrefix = `dlv_bench_${tag}b_`;
  let lastBacklogMs = startedMs;
  for (const [id, at] of arrivals) if (id.startsWith(backlogPrefix) && at > lastBacklogMs) lastBacklogMs = at;
  const drainSeconds = (lastBacklogMs - startedMs) / 1000;

  const { rows } = await target.db.pool.query<{ id: string; queued: Date }>(
    "SELECT id, created_at AS queued FROM deliveries WHERE webhook_id = $1 AND id LIKE $2",
    [setup.trickleWebhookId, `dlv_bench_${tag}t%`],
  );
  const timed = rows
    .map((row) => [row.queued.getTime(), (arrivals.get(row.id) ?? Number.NaN) - row.queued.getTime()] as const)
    .filter(([, ms]) => Number.isFinite(ms))
    .map(([queuedMs, ms]) => [(queuedMs - startedMs) / 1000, Math.max(0, ms)] as [number, number]);
  const latencies = timed.map(([, ms]) => ms);
  const slowest = timed.sort((a, b) => b[1] - a[1]).slice(0, 10);
  const [p50, p99] = percentiles(latencies, [50, 99]);
  // Attempts are written behind: the phase ends once every one of them is recorded.
  await waitFor(
    async () =>
      (
        await target.db.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM deliveries WHERE next_attempt_at IS NOT NULL",
        )
      ).rows[0].n === 0,
    60_000,
    200,
  );
  return {
    backlog,
    counted,
    drained,
    drainSeconds,
    deliveriesPerSecond: drained ? backlog / drainSeconds : Number.NaN,
    trickle: { p50, p99, max: Math.max(0, ...latencies), queued, measured: latencies.length },
    slowest,
    received: { distinct: counts.distinct, duplicates: counts.duplicates },
  };
}
