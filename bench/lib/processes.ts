import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { IPC_WAKE_MESSAGE } from "../../lib/dispatch/wake";
import { stopChild } from "../../lib/startup/stop-child";
import { sleep } from "./stats";

// Child processes of the benchmark: worker processes exactly as `npm run worker` runs them, and
// the console's `next start`, each with an IPC channel (as `npm start` gives them).

export function tsxArgs(): string[] {
  return ["--import", "tsx"];
}

export type ProcessEnv = Record<string, string>;

export type WorkerProcess = { child: ChildProcess; pid: number; ready: Promise<void> };

/** `scripts/worker.ts` with the bench database; ready once it logged "worker started". */
export function spawnWorker(env: ProcessEnv, extraArgs: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [...extraArgs, ...tsxArgs(), "scripts/worker.ts"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer = (buffer + chunk.toString()).slice(-4096);
      if (buffer.includes("worker started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited with code ${code} before it started`)));
  });
  ready.catch(() => {});
  return { child, pid: child.pid!, ready };
}

export type WebProcess = { child: ChildProcess; origin: string };

/** `next start` on a free port with the bench's build directory; resolves once /api/health is OK. */
export async function spawnWeb(env: ProcessEnv, distDir: string, nodeArgs: string[] = []): Promise<WebProcess> {
  const port = await freePort();
  // NOVAVMS_WEB_CONCURRENCY above 1: the web server of `npm start`, which then runs that many processes.
  const cluster = Number(env.NOVAVMS_WEB_CONCURRENCY ?? "1") > 1;
  const child = spawn(
    process.execPath,
    cluster
      ? [...nodeArgs, ...tsxArgs(), "scripts/web.ts"]
      : [...nodeArgs, require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        NOVAVMS_NEXT_DIST_DIR: distDir,
        PORT: String(port),
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stopChild(child);
  throw new Error("next start did not become healthy within 60 s");
}

/** What `npm start` does for the embedded database: the web server's wake-ups go to the workers. */
export function relayWakeUps(web: ChildProcess, workers: ChildProcess[]): void {
  web.on("message", (message) => {
    if (message !== IPC_WAKE_MESSAGE) return;
    for (const worker of workers) if (worker.connected) worker.send(message);
  });
}

export function waitForMessage<T>(child: ChildProcess, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: unknown) => {
      done();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`child process exited with code ${code}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error("child process did not answer in time"));
    }, timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resident set size and its peak (VmHWM) of a process, in MB, from /proc (Linux). */
export function readMemory(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
