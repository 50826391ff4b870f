import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import type { TestContext } from "./test-database";

export type WorkerProcessOptions = {
  /** The worker's `NOVAVMS_DATA_DIR`. */
  dataDir: string;
  /** The test's own settings (lease, pool size, log level…), added to the common ones. */
  env?: Record<string, string>;
  /** Start from this process's whole environment instead of only `PATH` and `NODE_ENV=production`. */
  inheritEnv?: boolean;
  /** Standard input, output and error; by default only errors are shown. */
  stdio?: StdioOptions;
};

/** Starts a real worker process (`npm run worker`) on the test's database, allowed to send to loopback. */
export function spawnWorker(ctx: TestContext, options: WorkerProcessOptions): ChildProcess {
  const base: NodeJS.ProcessEnv = options.inheritEnv ? process.env : { PATH: process.env.PATH, NODE_ENV: "production" };
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...base,
      DATABASE_URL: ctx.database.url,
      NOVAVMS_ENCRYPTION_KEY: ctx.encryptionKey,
      NOVAVMS_DATA_DIR: options.dataDir,
      NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1",
      ...options.env,
    },
    stdio: options.stdio ?? ["ignore", "ignore", "inherit"],
  });
}

/** Resolves once the process has exited (at once if it already has). */
export function workerExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Sends `signal` to each process still running and waits until all have exited. */
export async function stopWorkers(children: Iterable<ChildProcess>, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  await Promise.all(
    [...children].map((child) => {
      const exited = workerExited(child);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    }),
  );
}
