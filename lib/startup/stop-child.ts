import type { ChildProcess } from "node:child_process";

/**
 * Asks a child process to stop (SIGTERM by default) and SIGKILLs it if it is still there after
 * `graceMs`: a worker first finishes the attempts it has in flight. Resolves once it has exited.
 */
export function stopChild(child: ChildProcess, graceMs = 15_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
