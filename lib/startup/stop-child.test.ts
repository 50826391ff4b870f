import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stopChild } from "./stop-child";

// Real child processes: one that finishes its work on SIGTERM, one that ignores it.
function child(script: string) {
  const proc = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve) => proc.stdout!.once("data", () => resolve()));
  return { proc, ready };
}

describe("stopChild", () => {
  it("lets a child that handles SIGTERM finish and exit on its own", async () => {
    const { proc, ready } = child(
      `process.on("SIGTERM", () => setTimeout(() => process.exit(7), 100)); console.log("up"); setInterval(() => {}, 1000);`,
    );
    await ready;
    // A grace far longer than the child's 100 ms, so only a late timer could make it run out.
    await stopChild(proc, 30_000);
    expect(proc.exitCode).toBe(7);
    expect(proc.signalCode).toBeNull();
  });

  it("kills a child that ignores SIGTERM once the grace time is over", async () => {
    const { proc, ready } = child(`process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000);`);
    await ready;
    const started = performance.now();
    await stopChild(proc, 300);
    expect(proc.signalCode).toBe("SIGKILL");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("resolves at once for a child that has already exited", async () => {
    const { proc, ready } = child(`console.log("up");`);
    await ready;
    await new Promise((resolve) => proc.once("exit", resolve));
    await stopChild(proc, 60_000);
    expect(proc.exitCode).toBe(0);
  });
});
