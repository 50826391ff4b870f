import { createSender } from "../../lib/transport/send";
import { buildOutgoingRequest } from "../../lib/attempts/build-request";
import { createDispatcher, defaultOrgConcurrency } from "../../lib/dispatch/dispatcher";
import { createLogger } from "../../lib/log";
import { startStatisticsUpkeep } from "../../lib/db/statistics";
import { measureCeiling } from "../lib/ceiling";
import { startCpuProfile, type CpuSummary } from "../lib/cpu-profile";
import { postgresCpuMeter, postgresWalMeter } from "../lib/server-meters";
import { reportStatements, statementMeter, type StatementBreakdown } from "../lib/statement-stats";
import { startReceivers } from "../lib/receivers";
import { benchConfig } from "../lib/config";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { newTraceparent } from "../../lib/tracing/traceparent";
import {
  clearDeliveries,
  createBenchOrg,
  createWebhooks,
  duplicateAttempts,
  progress,
  queueDeliveries,
  type BenchTarget,
} from "../lib/seed";

// Scenario 1: deliveries per second through the real dispatcher (claim, sign, send, record) with
// the real sender, to fast loopback receivers, beside the bare-undici ceiling measured in the
// same run. Ceiling and dispatcher runs alternate so that noise from the machine hits both.

export type ThroughputOptions = {
  deliveries: number;
  runs: number;
  ceilingSeconds: number;
  /** At least this many endpoints, and enough that NOVAVMS_WORKER_ENDPOINT_CONCURRENCY never binds. */
  endpoints: number;
  /** Receivers in this process (sharing its thread with the sender under test) instead of their own. */
  inlineReceivers?: boolean;
};

export async function runThroughput(target: BenchTarget, options: ThroughputOptions): Promise<ScenarioResult> {
  const result = newScenario("1", "Throughput: real dispatcher vs bare undici ceiling", target.kind);
  const config = benchConfig();
  // Enough endpoints for the per-endpoint limit never to cap the worker's concurrency.
  const endpoints = Math.max(options.endpoints, Math.ceil(config.workerConcurrency / config.endpointConcurrency));
  const receivers = await startReceivers(
    Array.from({ length: endpoints }, () => "fast" as const),
    { inline: options.inlineReceivers },
  );
  try {
    const { orgId } = await createBenchOrg(target);
    const webhookIds = await createWebhooks(target, orgId, receivers.urls);
    const events = Math.max(1, Math.round(options.deliveries / webhookIds.length));
    const total = events * webhookIds.length;
    const sample = await samplePayload(target, orgId, webhookIds[0], receivers.urls[0]);

    // One org's deliveries hold at most its share of the worker's slots (the rest is kept for other
    // orgs): the ceiling runs at that concurrency, the dispatcher's own.
    const concurrency = defaultOrgConcurrency(config.workerConcurrency);
    // Warms up the receivers, the JIT and loopback connections before anything is timed.
    await measureCeiling({ urls: receivers.urls, concurrency, ...sample, seconds: 1 });
    const ceilings: number[] = [];
    const dispatched: number[] = [];
    const ratios: number[] = [];
    const dbCpuPerDelivery: number[] = [];
    const dbCpu = target.kind === "postgres" ? await postgresCpuMeter(target.db) : null;
    const walPerDelivery: number[] = [];
    const wal = target.kind === "postgres" ? await postgresWalMeter(target.db) : null;
    const statements = target.kind === "postgres" ? await statementMeter(target.db) : null;
    const breakdowns: StatementBreakdown[] = [];
    const checks = { delivered: 0, expected: 0, receiverDuplicates: 0, attemptDuplicates: 0, succeeded: 0 };
    for (let run = 0; run < options.runs; run++) {
      const ceiling = await measureCeiling({
        urls: receivers.urls,
        concurrency,
        ...sample,
        seconds: options.ceilingSeconds,
      });
      await clearDeliveries(target.db);
      await queueDeliveries(target.db, orgId, webhookIds, events);
      await receivers.reset();
      await statements?.reset();
      const cpuBefore = dbCpu?.();
      const walBefore = await wal?.();
      const { delivered, seconds } = await drainQueue(target);
      if (dbCpu && cpuBefore !== undefined) dbCpuPerDelivery.push(((dbCpu() - cpuBefore) / delivered) * 1e6);
      if (wal && walBefore !== undefined) walPerDelivery.push(Number((await wal()) - walBefore) / delivered);
      if (statements) breakdowns.push(await statements.read(delivered));

      const counts = await receivers.counts();
      const state = await progress(target.db);
      checks.delivered += counts.distinct;
      checks.expected += total;
      checks.receiverDuplicates += counts.duplicates;
      checks.attemptDuplicates += await duplicateAttempts(target.db);
      checks.succeeded += state.succeeded;
      ceilings.push(ceiling.requestsPerSecond);
      dispatched.push(delivered / seconds);
      ratios.push(delivered / seconds / ceiling.requestsPerSecond);
    }
    // One more drain of the same size under the CPU profiler, not counted above (sampling costs
    // a little): where this process's time goes per delivery.
    await clearDeliveries(target.db);
    await queueDeliveries(target.db, orgId, webhookIds, events);
    let stopProfile: (() => Promise<CpuSummary>) | undefined;
    const profiled = await drainQueue(target, async () => {
      stopProfile = await startCpuProfile();
    });
    const profile = await stopProfile!();
    result.details.cpuProfile = {
      ...profile,
      deliveries: profiled.delivered,
      busyUsPerDelivery: (profile.busyMs * 1000) / profiled.delivered,
    };

    result.metrics.push(
      metric(
        "dispatcher deliveries/s",
        "/s",
        dispatched,
        target.kind === "pglite" ? { op: ">=", value: 300 } : undefined,
      ),
    );
    result.metrics.push(metric("ceiling: bare undici POSTs/s", "/s", ceilings));
    result.metrics.push(
      metric("ratio to ceiling", "", ratios, target.kind === "postgres" ? { op: ">=", value: 0.5 } : undefined),
    );
    if (dbCpuPerDelivery.length)
      result.metrics.push(
        metric("PostgreSQL CPU per delivery (claim, result, attempt row)", "µs", dbCpuPerDelivery, {
          op: "<=",
          value: 55,
        }),
      );
    if (walPerDelivery.length) result.metrics.push(metric("PostgreSQL WAL per delivery", "bytes", walPerDelivery));
    reportStatements(result, breakdowns, "statements", "PostgreSQL execution time per delivery (pg_stat_statements)");
    result.details.checks = checks;
    result.notes.push(
      `${total} deliveries per run over ${webhookIds.length} endpoints (separate loopback origins), ${sample.body.length}-byte events; ` +
        `concurrency ${config.workerConcurrency} (one org: ${concurrency}; per endpoint ${config.endpointConcurrency}), batch ${config.batchSize}, pool ${config.dbPoolSize}: the defaults. ` +
        `Receivers run in their own process. Each run: ${options.ceilingSeconds} s of ceiling, then the dispatcher drains the queue.`,
    );
    if (
      checks.delivered !== checks.expected ||
      checks.succeeded !== checks.expected ||
      checks.receiverDuplicates + checks.attemptDuplicates > 0
    ) {
      result.error = `delivered ${checks.delivered}/${checks.expected}, succeeded ${checks.succeeded}, duplicates ${checks.receiverDuplicates}/${checks.attemptDuplicates}`;
    }
    return result;
  } finally {
    await receivers.close();
  }
}

/**
 * Drains the queue with a dispatcher at the defaults and the real sender. `beforeStart` runs once
 * both are made (a worker makes them once, at start: loading the trust store is not per delivery).
 */
async function drainQueue(
  target: BenchTarget,
  beforeStart?: () => Promise<void>,
): Promise<{ delivered: number; seconds: number }> {
  const config = benchConfig();
  const log = createLogger("warn", "bench");
  const sender = createSender({ timeoutMs: config.deliveryTimeoutMs, allowPrivateNetworks: true });
  const dispatcher = createDispatcher({
    db: target.db,
    cipher: target.cipher,
    send: sender.send,
    log,
    retryScheduleMs: config.retryScheduleMs,
    concurrency: config.workerConcurrency,
    endpointConcurrency: config.endpointConcurrency,
    batchSize: config.batchSize,
    leaseMs: config.leaseSeconds * 1000,
  });
  await beforeStart?.();
  // Beside the dispatcher, as in a worker: the upkeep of the tables' statistics (and, on PGlite,
  // their vacuum), whose statements are part of the database's work per delivery.
  const statistics = startStatisticsUpkeep({ db: target.db, log });
  const started = performance.now();
  const delivered = await dispatcher.runUntilIdle();
  const seconds = (performance.now() - started) / 1000;
  await statistics.stop();
  await dispatcher.stop();
  await sender.close();
  return { delivered, seconds };
}

/** One queued event's exact bytes and a signed request like the dispatcher's, for the ceiling. */
async function samplePayload(target: BenchTarget, orgId: string, webhookId: string, url: string) {
  await queueDeliveries(target.db, orgId, [webhookId], 1);
  const { rows } = await target.db.pool.query<{ id: string; body: Buffer }>(
    "SELECT d.id, e.body FROM deliveries d JOIN events e ON e.id = d.event_id LIMIT 1",
  );
  await clearDeliveries(target.db);
  const request = buildOutgoingRequest({
    url,
    body: rows[0].body,
    eventType: "camera.offline",
    deliveryId: rows[0].id,
    requestId: "req_01jbenchceiling000000000000",
    secrets: ["whsec_" + Buffer.alloc(32, 7).toString("base64")],
    now: new Date(),
    traceparent: newTraceparent().header,
  });
  return { body: request.body, headers: { ...request.headers } };
}
