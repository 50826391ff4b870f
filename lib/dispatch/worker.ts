import cron from "node-cron";
import pg from "pg";
import type { AppContext } from "../context";
import type { Send } from "../transport/types";
import { isDatabaseUnavailable } from "../db/failure-kind";
import { createBackoff } from "./backoff";
import { createDispatcher, type Dispatcher } from "./dispatcher";
import { DELIVERIES_DUE_CHANNEL, onDeliveriesDue } from "./wake";

export type Worker = { dispatcher: Dispatcher; stop: () => Promise<void> };

/**
 * The dispatcher of a worker process: a pump every second (node-cron), at once when an event is
 * ingested (in this process, relayed over IPC by `npm start`, or NOTIFY on PostgreSQL), and again
 * whenever a slot frees up while work is due.
 */
export function startWorker(context: AppContext, options: { send?: Send; databaseUrl?: string } = {}): Worker {
  const { config } = context;
  const dispatcher = createDispatcher({
    db: context.db,
    cipher: context.cipher,
    send: options.send ?? context.send,
    log: context.log,
    retryScheduleMs: config.retryScheduleMs,
    concurrency: config.workerConcurrency,
    endpointConcurrency: config.endpointConcurrency,
    batchSize: config.batchSize,
    leaseMs: config.leaseSeconds * 1000,
  });
  // While the database is away every claim fails: wait longer each time (with jitter) and
  // resume by itself on the first claim that works.
  const backoff = createBackoff({ baseMs: 1_000, maxMs: 30_000 });
  const pump = () => {
    if (!backoff.ready(Date.now())) return;
    dispatcher.pump().then(
      () => backoff.succeeded() && context.log.info("database reachable again: claiming deliveries"),
      (error) => {
        const waitMs = backoff.failed(Date.now());
        const unavailable = isDatabaseUnavailable(error);
        context.log[unavailable ? "warn" : "error"](
          { err: error, retry_in_ms: waitMs, failures: backoff.failures },
          unavailable ? "database unavailable: claiming paused" : "claiming due deliveries failed",
        );
      },
    );
  };
  const task = cron.schedule("* * * * * *", pump, { noOverlap: true });
  const unsubscribe = onDeliveriesDue(pump);
  const listener = options.databaseUrl ? listenForDueDeliveries(options.databaseUrl, pump, context) : null;
  pump();
  return {
    dispatcher,
    stop: async () => {
      await task.stop();
      unsubscribe();
      await listener?.stop();
      await dispatcher.stop();
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
