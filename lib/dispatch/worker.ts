import cron from "node-cron";
import pg from "pg";
import type { AppContext } from "../context";
import { getProcessSender } from "../delivery/process-sender";
import type { Send } from "../delivery/types";
import { createDispatcher, type Dispatcher } from "./dispatcher";
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
  const send = options.send ?? getProcessSender(config).send;
  const dispatcher = createDispatcher({
    db: context.db,
    cipher: context.cipher,
    send,
    log: context.log,
    retryScheduleMs: config.retryScheduleMs,
    concurrency: config.workerConcurrency,
    endpointConcurrency: config.endpointConcurrency,
    batchSize: config.batchSize,
    leaseMs: config.leaseSeconds * 1000,
    autoDisableAfterMs: config.autoDisableAfterMs,
  });
  configureAlertEmail(
    config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.smtpFrom, consoleUrl: config.publicUrl } : null,
  );
  const recoveries = startRecoveryRunner(context, send);
  const pump = () => {
    dispatcher.pump().catch((error) => context.log.error({ err: error }, "claiming due deliveries failed"));
    recoveries.pump().catch((error) => context.log.error({ err: error }, "running recoveries failed"));
  };
  const task = cron.schedule("* * * * * *", pump, { noOverlap: true });
  const unsubscribe = onDeliveriesDue(pump);
  const listener = options.databaseUrl ? listenForDueDeliveries(options.databaseUrl, pump, context) : null;
  pump();
  return {
    dispatcher,
    recoveries,
    stop: async () => {
      await task.stop();
      unsubscribe();
      await listener?.stop();
      await Promise.all([dispatcher.stop(), recoveries.stop()]);
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
