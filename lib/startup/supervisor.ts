import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { createBackoff } from "../dispatch/backoff";
import { stopChild } from "./stop-child";

// The process manager of `npm start`: runs the web server and the worker as children, restarts
// one that dies (waiting longer after each quick death, and saying so), relays IPC messages
// between them, and never lets a child outlive it: each child preloads `exit-with-parent.cjs`,
// which stops it when the IPC channel to the supervisor closes, however the supervisor died.

export type ChildSpec = { name: string; args: string[]; env: NodeJS.ProcessEnv };

export type SupervisorOptions = {
  /** Where a restart is announced (stderr by default). */
  log?: (line: string) => void;
  /** First restart delay; doubles (with jitter) after each death up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** A child that ran this long is healthy again: its next death restarts it after the first delay. */
  healthyAfterMs?: number;
  /** Called with each IPC message a child sends, and the name of the child. */
  onMessage?: (from: string, message: unknown) => void;
};

export type Supervisor = {
  start: (spec: ChildSpec) => ChildProcess;
  /** Sends an IPC message if the child is there; a child that just died is no error. */
  send: (name: string, message: string) => void;
  child: (name: string) => ChildProcess | undefined;
  /** How many times each child was restarted. */
  restarts: (name: string) => number;
  stopAll: (graceMs: number) => Promise<void>;
};

export const EXIT_WITH_PARENT = path.join(__dirname, "exit-with-parent.cjs");
const STDIO: StdioOptions = ["inherit", "inherit", "inherit", "ipc"];

export function createSupervisor(options: SupervisorOptions = {}): Supervisor {
  const log = options.log ?? ((line: string) => console.error(line));
  const children = new Map<string, ChildProcess>();
  const restartCounts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  function start(spec: ChildSpec, backoff = createBackoff(delays())): ChildProcess {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ["--require", EXIT_WITH_PARENT, ...spec.args], {
      env: spec.env,
      stdio: STDIO,
    });
    children.set(spec.name, child);
    // Without a listener, a failed spawn or a send to a dead child would end the supervisor.
    child.on("error", (error) => log(`novavms: the ${spec.name}: ${error.message}`));
    child.on("message", (message) => options.onMessage?.(spec.name, message));
    child.on("exit", (code, signal) => {
      if (stopping || children.get(spec.name) !== child) return;
      if (Date.now() - startedAt >= (options.healthyAfterMs ?? 60_000)) backoff.succeeded();
      const waitMs = backoff.failed(Date.now());
      const count = (restartCounts.get(spec.name) ?? 0) + 1;
      restartCounts.set(spec.name, count);
      log(
        `novavms: the ${spec.name} exited (${signal ?? `code ${code}`}); restarting it in ${(waitMs / 1000).toFixed(1)} s (restart ${count})`,
      );
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) start(spec, backoff);
      }, waitMs);
      timers.add(timer);
    });
    return child;
  }

  function delays() {
    const baseMs = options.restartDelayMs ?? 1_000;
    return { baseMs: baseMs * 2, maxMs: Math.max(options.maxRestartDelayMs ?? 30_000, baseMs * 2) };
  }

  return {
    start: (spec) => start(spec),
    send(name, message) {
      const child = children.get(name);
      if (!child?.connected) return;
      child.send(message, (error) => error && log(`novavms: could not reach the ${name}: ${error.message}`));
    },
    child: (name) => children.get(name),
    restarts: (name) => restartCounts.get(name) ?? 0,
    async stopAll(graceMs) {
      stopping = true;
      timers.forEach(clearTimeout);
      await Promise.all([...children.values()].map((child) => stopChild(child, graceMs)));
    },
  };
}
