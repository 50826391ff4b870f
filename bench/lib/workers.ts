import fs from "node:fs";
import { IPC_WAKE_MESSAGE } from "../../lib/dispatch/wake";
import { tuningEnv } from "./config";
import { stopChild } from "../../lib/startup/stop-child";
import { spawnWorker, tempDir, type WorkerProcess } from "./processes";
import { clearDeliveries, progress, queueDeliveries, type BenchTarget } from "./seed";
import { waitFor } from "./stats";

// A pool of `npm run worker` processes on the bench database, started and stopped together.

export type WorkerPool = {
  workers: WorkerProcess[];
  wake: () => void;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function startWorkerPool(
  target: BenchTarget,
  count: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<WorkerPool> {
  const dataDir = tempDir("novavms-bench-worker-");
  const workers = Array.from({ length: count }, () =>
    spawnWorker(
      {
        DATABASE_URL: target.url,
        NOVAVMS_ENCRYPTION_KEY: target.encryptionKey,
        NOVAVMS_DATA_DIR: dataDir,
        NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1",
        ...tuningEnv(),
        ...env,
      },
      nodeArgs,
    ),
  );
  try {
    await Promise.all(workers.map((w) => w.ready));
  } catch (error) {
    await Promise.all(workers.map((w) => stopChild(w.child, 1_000, "SIGKILL")));
    throw error;
  }
  return {
    workers,
    // What `npm start` relays from the web server; on PostgreSQL NOTIFY reaches them as well.
    wake: () => workers.forEach((w) => w.child.connected && w.child.send(IPC_WAKE_MESSAGE)),
    stop: async (signal = "SIGTERM") => {
      await Promise.all(workers.map((w) => stopChild(w.child, 20_000, signal)));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One measured batch: the deliveries table emptied, `events` events queued to every webhook, the
 * pool woken, and the time until every delivery is settled (or `timeoutMs` passed).
 */
export async function deliverBatch(
  target: BenchTarget,
  pool: WorkerPool,
  receivers: { reset: () => Promise<void> },
  batch: { orgId: string; webhookIds: string[]; events: number; timeoutMs: number },
): Promise<{ seconds: number; done: boolean }> {
  const total = batch.events * batch.webhookIds.length;
  await clearDeliveries(target.db);
  await receivers.reset();
  await queueDeliveries(target.db, batch.orgId, batch.webhookIds, batch.events);
  const started = performance.now();
  pool.wake();
  const done = await waitFor(
    async () => {
      const state = await progress(target.db);
      return state.open === 0 && state.attempts >= total;
    },
    batch.timeoutMs,
    25,
  );
  return { seconds: (performance.now() - started) / 1000, done };
}
