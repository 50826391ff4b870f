import fs from "node:fs";
import path from "node:path";
import { ensureBuilt } from "../../scripts/build-if-needed";
import { stopChild } from "../../lib/startup/stop-child";
import { relayWakeUps, spawnWeb, tempDir, type WebProcess } from "./processes";
import type { BenchTarget } from "./seed";
import { startWorkerPool, type WorkerPool } from "./workers";

// The real app on the bench database: `next start` from the bench's own build directory (never
// `.next`, which others use) and, when asked, a worker process, wired as `npm start` wires them.

export const BENCH_DIST_DIR = ".next-bench";

/**
 * Builds the console into .next-bench when sources changed. `next build` rewrites tsconfig.json and
 * next-env.d.ts for its build directory; they are put back as they were. Returns seconds spent.
 */
export function buildForBench(): number {
  const started = Date.now();
  const kept = ["tsconfig.json", "next-env.d.ts"].map(
    (file) => [file, fs.existsSync(file) ? fs.readFileSync(file) : null] as const,
  );
  const previous = process.env.NOVAVMS_NEXT_DIST_DIR;
  process.env.NOVAVMS_NEXT_DIST_DIR = BENCH_DIST_DIR;
  try {
    ensureBuilt();
  } finally {
    if (previous === undefined) delete process.env.NOVAVMS_NEXT_DIST_DIR;
    else process.env.NOVAVMS_NEXT_DIST_DIR = previous;
    for (const [file, content] of kept) {
      if (content === null) fs.rmSync(file, { force: true });
      else if (!fs.readFileSync(file).equals(content)) fs.writeFileSync(file, content);
    }
  }
  return (Date.now() - started) / 1000;
}

export type BenchApp = { origin: string; web: WebProcess; workers: WorkerPool | null; stop: () => Promise<void> };

export async function startApp(
  target: BenchTarget,
  options: { workers: number; relayIpc: boolean; webProcesses?: number },
): Promise<BenchApp> {
  const dataDir = tempDir("novavms-bench-web-");
  const web = await spawnWeb(
    {
      DATABASE_URL: target.url,
      NOVAVMS_ENCRYPTION_KEY: target.encryptionKey,
      NOVAVMS_DATA_DIR: dataDir,
      NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1",
      NOVAVMS_WEB_CONCURRENCY: String(options.webProcesses ?? 1),
    },
    BENCH_DIST_DIR,
  );
  let workers: WorkerPool | null = null;
  try {
    if (options.workers > 0) workers = await startWorkerPool(target, options.workers);
  } catch (error) {
    await stopChild(web.child);
    throw error;
  }
  if (workers && options.relayIpc)
    relayWakeUps(
      web.child,
      workers.workers.map((w) => w.child),
    );
  return {
    origin: web.origin,
    web,
    workers,
    stop: async () => {
      await workers?.stop();
      await stopChild(web.child);
      fs.rmSync(path.resolve(dataDir), { recursive: true, force: true });
    },
  };
}
