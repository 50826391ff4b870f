import os from "node:os";
import cron from "node-cron";
import pg from "pg";
import type { AppContext } from "../context";
import type { Send } from "../transport/types";
import { newId } from "../ids";
import { isDatabaseUnavailable } from "../db/failure-kind";
import { createBackoff } from "./backoff";
import { createDispatcher, type Dispatcher } from "./dispatcher";
import { startMetricsServer } from "../metrics/serve";
import { startRetention } from "../retention/schedule";
import { startCertificateAlerts } from "../cert-watch/schedule-alerts";
import { startHeartbeat } from "../worker-health/heartbeat";
import { startStatisticsUpkeep } from "../db/statistics";
import { loadTracing, stopTracing } from "../tracing/load";
import { DELIVERIES_DUE_CHANNEL, onDeliveriesDue } from "./wake";
import { startRecoveryRunner } from "../recovery/start-runner";
import { configureAlertEmail } from "../alerts/email";
import type { RecoveryRunner } from "../recovery/runner";

export type Worker = { dispatcher: Dispatcher; recoveries: RecoveryRunner; stop: () => Promise<void> };

/**
 * The dispatcher of a worker process: a pump every second (node-cron), at once when an event is
 * ingested (in this process, relayed over IPC by `npm start`, or NOTIFY on PostgreSQL), and again
 * whenever a slot frees up while work is due.
 */
export function startWorker(context: AppContext, options: { send?: Send; databaseUrl?: string } = {}): Worker {
  const { config } = context;
  const send = options.send ?? context.send;
  const workerId = `${os.hostname()}:${process.pid}:${newId("wrk").slice(-6)}`;
  const dispatcher = createDispatcher({
    workerId,
    db: context.db,
    cipher: context.cipher,
    send,
    log: context.log,
    retryScheduleMs: config.retryScheduleMs,
    concurrency: config.workerConcurrency,
    endpointConcurrency: config.endpointConcurrency,
    orgConcurrency: config.orgConcurrency,
    batchSize: config.batchSize,
    leaseMs: config.leaseSeconds * 1000,
    autoDisableAfterMs: config.autoDisableAfterMs,
    // Every claim that reached the database beats (the heartbeat is created below, before the first pump).
    onClaim: () => heartbeat.beat(),
  });
  configureAlertEmail(
    config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.smtpFrom, consoleUrl: consoleUrl(config) } : null,
  );
  const recoveries = startRecoveryRunner(context, send);
  // While the database is away every claim fails: wait longer each time (with jitter) and
  // resume by itself on the first claim that works.
  const backoff = createBackoff({ baseMs: 1_000, maxMs: 30_000 });
  const heartbeat = startHeartbeat(context, workerId);
  // A pump in progress answers every wake with its one promise, and under a steady backlog it runs
  // for as long as the backlog lasts: its outcome is watched once, or every tick and NOTIFY of a
  // long drain would add a handler that lives until it ends.
  let claiming: Promise<number> | null = null;
  let recovering: Promise<number> | null = null;
  const pump = () => {
    if (!backoff.ready(Date.now())) return;
    const woken = dispatcher.wake();
    if (woken !== claiming) claiming = watchClaims(woken);
    const recovery = recoveries.pump();
    if (recovery !== recovering) recovering = watchRecoveries(recovery);
  };
  const watchClaims = (woken: Promise<number>) => {
    woken.then(
      () => {
        // Beside onClaim: a pump that found every slot taken claims nothing, and a worker whose
        // slots all wait on slow endpoints is alive all the same (the beat's write reaches the database).
        heartbeat.beat();
        if (backoff.succeeded()) context.log.info("database reachable again: claiming deliveries");
      },
      (error) => {
        const waitMs = backoff.failed(Date.now());
        const unavailable = isDatabaseUnavailable(error);
        context.log[unavailable ? "warn" : "error"](
          { err: error, retry_in_ms: waitMs, failures: backoff.failures },
          unavailable ? "database unavailable: claiming paused" : "claiming due deliveries failed",
        );
      },
    );
    return woken;
  };
  const watchRecoveries = (recovery: Promise<number>) => {
    // Its failures while the database is away are the claim's to report and back off from.
    recovery.catch((error) => {
      if (!isDatabaseUnavailable(error)) context.log.error({ err: error }, "running recoveries failed");
    });
    return recovery;
  };
  const task = cron.schedule("* * * * * *", pump, { noOverlap: true });
  const unsubscribe = onDeliveriesDue(pump);
  const listener = options.databaseUrl ? listenForDueDeliveries(options.databaseUrl, pump, context) : null;
  const metrics = config.metricsPort === undefined ? null : startWorkerMetrics(context, dispatcher, config.metricsPort);
  const retention = startRetention(context);
  const certificateAlerts = startCertificateAlerts(context);
  const statistics = startStatisticsUpkeep(context);
  void loadTracing("novavms-worker");
  pump();
  return {
    dispatcher,
    recoveries,
    stop: async () => {
      await task.stop();
      await (await metrics)?.close();
      await retention.stop();
      await certificateAlerts.stop();
      await statistics.stop();
      await stopTracing();
      unsubscribe();
      await listener?.stop();
      await Promise.all([dispatcher.stop(), recoveries.stop()]);
      await heartbeat.stop();
    },
  };
}

/** LISTEN on a dedicated connection, reconnecting after errors; a no-op on PGlite. */
function listenForDueDeliveries(url: string, onDue: () => void, context: AppContext) {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async () => {
    if (stopped) return;
    client = new pg.Client({ connectionString: url });
    client.on("notification", onDue);
    client.on("error", () => {
      client = null;
      setTimeout(connect, 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERIES_DUE_CHANNEL}`);
    } catch (error) {
      context.log.warn({ err: error }, "LISTEN for due deliveries failed; relying on the one-second tick");
      if (client) {
        client = null;
        setTimeout(connect, 5_000).unref();
      }
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}

/** The console's address for links in alert emails: NOVAVMS_PUBLIC_URL, else this machine's port. */
function consoleUrl(config: AppContext["config"]): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, "");
}

/** GET /metrics of this worker on NOVAVMS_METRICS_PORT; a port in use is logged, not fatal. */
function startWorkerMetrics(context: AppContext, dispatcher: Dispatcher, port: number) {
  return startMetricsServer({
    port,
    token: context.config.metricsToken,
    db: context.db,
    log: context.log,
    inFlight: () => dispatcher.inFlight,
  }).then(
    (server) => {
      context.log.info({ port: server.port }, "worker metrics on /metrics");
      return server;
    },
    (error: unknown) => {
      context.log.error({ err: error, port }, "worker metrics server could not start");
      return null;
    },
  );
}
