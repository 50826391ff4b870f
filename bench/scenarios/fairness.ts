import { startReceivers, type Receivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import {
  clearDeliveries,
  createBenchOrg,
  createWebhooks,
  makeDue,
  plannerCountsDeliveries,
  queueDeliveries,
  type BenchTarget,
} from "../lib/seed";
import { percentiles, waitFor } from "../lib/stats";
import { queueTrickle } from "../lib/trickle";
import { startWorkerPool, type WorkerPool } from "../lib/workers";
import { freePort } from "../lib/processes";
import { readWorkerCounters, workerCostOf } from "../lib/worker-metrics";

// Scenario 11: fairness across orgs. One worker process; a quiet org queues fresh events to its one
// endpoint at a steady low rate, first alone (the baseline), then while a noisy org has a due
// backlog to endpoints of its own, enough of them to keep every slot it may hold busy. The quiet
// org's time from its delivery being queued to its request reaching the receiver must not grow by
// more than its own p99: p99 during the backlog ≤ 2 × the baseline's p99. The two orgs' endpoints
// are served by two receiver processes, as two customers' servers would be: a quiet request must
// not wait for a receiver that is busy with the backlog's requests to be timed.

export type FairnessOptions = {
  backlog: number;
  quietPerSecond: number;
  baselineSeconds: number;
  runs: number;
  timeoutMs: number;
};

/** 40 endpoints × 8 slots each (NOVAVMS_WORKER_ENDPOINT_CONCURRENCY) is more than the org's share of the worker's slots (192 of 256). */
const NOISY_ENDPOINTS = 40;

type Phase = {
  p50: number;
  p99: number;
  max: number;
  /** Queued → the worker's send started (claim wait, build, rate limit): p50 and p99. */
  toSend: { p50: number; p99: number };
  /** Send started → the request's arrival at the receiver. */
  toReceiver: { p50: number; p99: number };
  queued: number;
  measured: number;
  seconds: number;
};

/**
 * The per-org cap measured beside the default (all but a quarter of the worker's 256 slots): what
 * an operator trades, the noisy org's drain rate, for a quiet org's latency during its backlog.
 */
const CAPPED_ORG_CONCURRENCY = 16;

/** The two orgs, their webhooks and their receivers, made once and measured with each worker. */
type FairnessOrgs = {
  noisy: { orgId: string };
  quiet: { orgId: string };
  noisyHooks: string[];
  quietHook: string;
  noisyReceivers: Receivers;
  quietReceivers: Receivers;
};

type Measured = {
  baselines: Phase[];
  duringBacklog: Phase[];
  noisyP50s: number[];
  /** The worker's CPU per delivery during the backlog (µs), and the share of that time in GC pauses (%). */
  workerCpuUs: number[];
  workerGcPercent: number[];
  runs: Record<string, unknown>[];
};

export async function runFairness(target: BenchTarget, options: FairnessOptions): Promise<ScenarioResult> {
  const result = newScenario("11", "Fairness: a quiet org's latency while a noisy org has a backlog", target.kind);
  const noisyReceivers = await startReceivers(Array.from({ length: NOISY_ENDPOINTS }, () => "fast" as const));
  const quietReceivers = await startReceivers(["fast"]);
  try {
    const noisy = await createBenchOrg(target);
    const quiet = await createBenchOrg(target);
    const noisyHooks = await createWebhooks(target, noisy.orgId, noisyReceivers.urls);
    const [quietHook] = await createWebhooks(target, quiet.orgId, quietReceivers.urls);
    const orgs = { noisy, quiet, noisyHooks, quietHook, noisyReceivers, quietReceivers };
    const byDefault = await measureFairness(target, options, orgs, {}, result);
    const capped = await measureFairness(
      target,
      options,
      orgs,
      { NOVAVMS_WORKER_ORG_CONCURRENCY: String(CAPPED_ORG_CONCURRENCY) },
      result,
    );

    const { baselines, duringBacklog, noisyP50s, runs } = byDefault;
    const latencies: [string, number[]][] = [
      ["quiet org alone: queued → receiver p50", baselines.map((p) => p.p50)],
      ["quiet org alone: queued → receiver p99", baselines.map((p) => p.p99)],
      ["quiet org during backlog: queued → receiver p50", duringBacklog.map((p) => p.p50)],
      ["quiet org during backlog: queued → receiver p99", duringBacklog.map((p) => p.p99)],
    ];
    for (const [name, values] of latencies) result.metrics.push(metric(name, "ms", values));
    result.metrics.push(metric("quiet p99 during backlog ÷ alone", "×", ratios(byDefault), { op: "<=", value: 2 }));
    // Where the quiet org's time goes during the backlog: waiting to be claimed and sent, or on the
    // way from the worker's send to the receiver (the worker's event loop, the receiver's).
    const split: [string, number[]][] = [
      ["quiet during backlog: queued → send started p50", duringBacklog.map((p) => p.toSend.p50)],
      ["quiet during backlog: queued → send started p99", duringBacklog.map((p) => p.toSend.p99)],
      ["quiet during backlog: send started → receiver p99", duringBacklog.map((p) => p.toReceiver.p99)],
      ["quiet alone: send started → receiver p99", baselines.map((p) => p.toReceiver.p99)],
    ];
    for (const [name, values] of split) result.metrics.push(metric(name, "ms", values));
    result.metrics.push(metric("noisy org's own backlog: queued → receiver p50", "ms", noisyP50s));
    result.metrics.push(metric("noisy backlog drained: deliveries/s", "/s", drainRates(byDefault)));
    pushWorkerCost(result, "", byDefault);
    const cap = `NOVAVMS_WORKER_ORG_CONCURRENCY=${CAPPED_ORG_CONCURRENCY}`;
    const cappedLatencies: [string, number[]][] = [
      [`${cap}: quiet org alone: queued → receiver p99`, capped.baselines.map((p) => p.p99)],
      [`${cap}: quiet org during backlog: queued → receiver p99`, capped.duringBacklog.map((p) => p.p99)],
    ];
    for (const [name, values] of cappedLatencies) result.metrics.push(metric(name, "ms", values));
    result.metrics.push(
      metric(`${cap}: quiet p99 during backlog ÷ alone`, "×", ratios(capped), { op: "<=", value: 2 }),
    );
    result.metrics.push(metric(`${cap}: noisy backlog drained: deliveries/s`, "/s", drainRates(capped)));
    pushWorkerCost(result, `${cap}: `, capped);
    result.details.runs = runs;
    result.details.cappedRuns = capped.runs;
    result.notes.push(
      `One worker process (defaults: 256 slots, 8 per endpoint). A noisy org's backlog of ${options.backlog} due deliveries ` +
        `over ${NOISY_ENDPOINTS} endpoints of its own (queued before the baseline with their next attempt a day away, then all made due at once by one UPDATE, as retries come due when an endpoint's outage ends), and a quiet org queuing ` +
        `${options.quietPerSecond} deliveries/s to its one endpoint: ${options.baselineSeconds} s alone (the baseline), then for as ` +
        `long as the backlog lasts, each org's endpoints in a receiver process of their own. Latency is from the quiet delivery row's creation to its request's arrival (same machine ` +
        `clock). Target, from the requirement that the backlog must not delay the quiet org by more than its own p99: p99 ` +
        `during the backlog ≤ 2 × p99 alone (ratios use a 1 ms floor for the baseline). The same phases run again with a worker ` +
        `started with ${cap} (an org's attempts in flight per worker; the default is 192 of 256): its ratio, and the noisy ` +
        `org's drain rate it costs. Each worker's CPU per delivery and its time in GC pauses come from its own /metrics, read ` +
        `before the backlog is made due and after the quiet org's last delivery of the phase is recorded.`,
    );
    return result;
  } finally {
    await noisyReceivers.close();
    await quietReceivers.close();
  }
}

function ratios({ baselines, duringBacklog }: Measured): number[] {
  return duringBacklog.map((during, i) => during.p99 / Math.max(baselines[i].p99, 1));
}

/**
 * What the worker itself spends while it drains the backlog: its CPU per delivery, and the share
 * of the time its event loop stood still in GC pauses (each pause delays every delivery in flight,
 * the quiet org's included).
 */
function pushWorkerCost(result: ScenarioResult, prefix: string, { workerCpuUs, workerGcPercent }: Measured) {
  result.metrics.push(metric(`${prefix}worker CPU per delivery during backlog`, "µs", workerCpuUs));
  result.metrics.push(metric(`${prefix}worker's time in GC pauses during backlog`, "%", workerGcPercent));
}

function drainRates({ runs }: Measured): number[] {
  return runs.map((r) => (r.noisyDeliveriesPerSecond as number | undefined) ?? Number.NaN).filter(Number.isFinite);
}

/** `options.runs` pairs of phases (alone, then during the noisy org's backlog) with one worker started with `env`. */
async function measureFairness(
  target: BenchTarget,
  options: FairnessOptions,
  orgs: FairnessOrgs,
  env: Record<string, string>,
  result: ScenarioResult,
): Promise<Measured> {
  const { noisy, quiet, noisyHooks, quietHook, noisyReceivers, quietReceivers } = orgs;
  const variant = Object.entries(env)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
  const metricsPort = await freePort();
  const pool = await startWorkerPool(target, 1, { ...env, NOVAVMS_METRICS_PORT: String(metricsPort) });
  try {
    const quietTraffic = {
      target,
      pool,
      receivers: quietReceivers,
      orgId: quiet.orgId,
      webhookId: quietHook,
      options,
    };
    const tag = variant ? "c" : "";
    // Warm-up: the worker's first connections and requests are not part of either phase.
    await quietPhase(quietTraffic, `${tag}w`, async () => false, 1);

    const measured: Measured = {
      baselines: [],
      duringBacklog: [],
      noisyP50s: [],
      workerCpuUs: [],
      workerGcPercent: [],
      runs: [],
    };
    for (let run = 0; run < options.runs; run++) {
      const label = `${variant ? `${variant}, ` : ""}run ${run}`;
      await clearDeliveries(target.db);
      // The noisy org's deliveries are in the tables before the baseline, waiting for an attempt a
      // day away; then one statement makes them all due at once, as retries come due together when
      // an endpoint's outage ends. (Inserted in one transaction at the backlog's start instead, they
      // raced autovacuum: a vacuum while the insert was in flight counted none of its rows, and
      // the claims planned for an empty table until the next ANALYZE, 5.6 s for one claim.)
      const seedStarted = performance.now();
      const backlog = await queueDeliveries(
        target.db,
        noisy.orgId,
        noisyHooks,
        Math.ceil(options.backlog / NOISY_ENDPOINTS),
        `${tag}n${run}`,
        new Date(Date.now() + 86_400_000),
      );
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      if (!(await plannerCountsDeliveries(target)))
        result.error = `${label}: the planner did not count the backlog's rows within 30 s of the seed`;
      const baseline = await quietPhase(quietTraffic, `${tag}b${run}`, async () => false, options.baselineSeconds);
      await noisyReceivers.reset({ recordArrivals: true });
      await quietReceivers.reset({ recordArrivals: true });
      const countersBefore = await readWorkerCounters(metricsPort);
      const countersRead = performance.now();
      const dueAt = await makeDue(target.db, noisy.orgId);
      pool.wake();
      const drained = async () => (await noisyReceivers.counts()).perEndpoint.reduce((a, b) => a + b, 0) >= backlog;
      const started = performance.now();
      const during = await quietPhase(quietTraffic, `${tag}d${run}`, drained, options.timeoutMs / 1000, false);
      const backlogDrained = await drained();
      const workerCost = workerCostOf(
        countersBefore,
        await readWorkerCounters(metricsPort),
        backlog + during.queued,
        (performance.now() - countersRead) / 1000,
      );
      measured.workerCpuUs.push(workerCost.cpuUsPerDelivery);
      measured.workerGcPercent.push(workerCost.gcPauseShare * 100);
      // What the backlog's own deliveries waited, all due at one instant: the delay a quiet
      // delivery would have had behind them, oldest first.
      const { rows } = await target.db.pool.query<{ id: string }>("SELECT id FROM deliveries WHERE org_id = $1", [
        noisy.orgId,
      ]);
      const noisyArrivals = new Map(await noisyReceivers.arrivals());
      const [noisyP50] = percentiles(
        rows.map((row) => (noisyArrivals.get(row.id) ?? Number.NaN) - dueAt.getTime()).filter(Number.isFinite),
        [50],
      );
      measured.noisyP50s.push(noisyP50);
      measured.baselines.push(baseline);
      measured.duringBacklog.push(during);
      measured.runs.push({
        run,
        backlog,
        seedSeconds,
        backlogDrained,
        noisyDeliveriesPerSecond: backlogDrained ? backlog / during.seconds : undefined,
        baseline,
        duringBacklog: during,
        noisyP50,
        workerCost,
        drainSeconds: (performance.now() - started) / 1000,
      });
      if (!backlogDrained) result.error = `${label}: the noisy backlog of ${backlog} was not drained in time`;
      if (during.measured < during.queued || baseline.measured < baseline.queued)
        result.error = `${label}: some of the quiet org's deliveries never reached the receiver`;
    }
    return measured;
  } finally {
    await pool.stop();
  }
}

type QuietTraffic = {
  target: BenchTarget;
  pool: WorkerPool;
  receivers: Receivers;
  orgId: string;
  webhookId: string;
  options: FairnessOptions;
};

/**
 * The quiet org's deliveries, one per tick, until `done()` or `seconds` passed; then waits for
 * them to arrive and measures them. `reset: false` keeps the arrivals already recording.
 */
async function quietPhase(
  traffic: QuietTraffic,
  tag: string,
  done: () => Promise<boolean>,
  seconds: number,
  reset = true,
): Promise<Phase> {
  const { target, pool, receivers, orgId, webhookId, options } = traffic;
  if (reset) await receivers.reset({ recordArrivals: true });
  const started = performance.now();
  const queued = await queueTrickle(target, pool, {
    orgId,
    webhookId,
    perSecond: options.quietPerSecond,
    tag: `${tag}q`,
    ms: seconds * 1000,
    done,
  });
  const elapsed = (performance.now() - started) / 1000;
  const quietArrived = async () => (await receivers.counts()).perEndpoint.at(-1)! >= queued;
  await waitFor(quietArrived, 30_000, 100);
  const arrivals = new Map(await receivers.arrivals());
  // Each delivery's first attempt, as the worker recorded it (written behind, so waited for): its
  // `started_at` splits the time into the wait to be claimed and sent, and the way to the receiver.
  const attempted = `SELECT d.id, d.created_at AS queued, a.started_at FROM deliveries d
     LEFT JOIN delivery_attempts a ON a.delivery_id = d.id AND a.number = 1
     WHERE d.webhook_id = $1 AND d.id LIKE $2`;
  const read = async () =>
    (
      await target.db.pool.query<{ id: string; queued: Date; started_at: Date | null }>(attempted, [
        webhookId,
        `dlv_bench_${tag}q%`,
      ])
    ).rows;
  await waitFor(async () => (await read()).every((row) => row.started_at !== null), 30_000, 100);
  const rows = await read();
  const measured = rows
    .map((row) => ({ row, arrived: arrivals.get(row.id) ?? Number.NaN }))
    .filter(({ arrived }) => Number.isFinite(arrived));
  const latencies = measured.map(({ row, arrived }) => Math.max(0, arrived - row.queued.getTime()));
  const sent = measured.filter(({ row }) => row.started_at !== null);
  const [p50, p99] = percentiles(latencies, [50, 99]);
  const [toSendP50, toSendP99] = percentiles(
    sent.map(({ row }) => Math.max(0, row.started_at!.getTime() - row.queued.getTime())),
    [50, 99],
  );
  const [toReceiverP50, toReceiverP99] = percentiles(
    sent.map(({ row, arrived }) => Math.max(0, arrived - row.started_at!.getTime())),
    [50, 99],
  );
  return {
    p50,
    p99,
    max: Math.max(0, ...latencies),
    toSend: { p50: toSendP50, p99: toSendP99 },
    toReceiver: { p50: toReceiverP50, p99: toReceiverP99 },
    queued,
    measured: latencies.length,
    seconds: elapsed,
  };
}
