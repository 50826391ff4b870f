import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createSupervisor } from "./supervisor";

// The supervisor of `npm start` with real child processes: it outlives any child's death,
// restarts the child after a logged delay, and its children never outlive it.

const idle = ["-e", "setInterval(() => {}, 1000)"];

describe("the supervisor", () => {
  it("restarts a child killed with SIGKILL, after a delay it logs", async () => {
    const lines: string[] = [];
    const supervisor = createSupervisor({ log: (line) => lines.push(line), restartDelayMs: 50 });
    try {
      const first = supervisor.start({ name: "worker", args: idle, env: process.env });
      await new Promise((resolve) => first.once("spawn", resolve));
      first.kill("SIGKILL");
      await expect.poll(() => supervisor.child("worker")?.pid !== first.pid, { timeout: 10_000 }).toBe(true);
      expect(supervisor.restarts("worker")).toBe(1);
      expect(lines[0]).toMatch(/^novavms: the worker exited \(SIGKILL\); restarting it in 0\.\d s \(restart 1\)$/);
      const second = supervisor.child("worker")!;
      expect(second.exitCode).toBeNull();
      second.kill("SIGKILL");
      await expect.poll(() => supervisor.restarts("worker"), { timeout: 10_000 }).toBe(2);
      expect(lines[1]).toMatch(/restart 2\)$/);
    } finally {
      await supervisor.stopAll(2_000);
    }
  });

  it("survives messages sent to a child that is dying (EPIPE)", async () => {
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on("uncaughtException", onError);
    const supervisor = createSupervisor({ log: () => {}, restartDelayMs: 10_000 });
    try {
      const child = supervisor.start({
        name: "worker",
        args: ["-e", "setTimeout(() => process.exit(3), 50)"],
        env: process.env,
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const sender = setInterval(() => supervisor.send("worker", "novavms:deliveries-due"), 1);
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 100));
      clearInterval(sender);
      expect(errors).toEqual([]);
      expect(supervisor.restarts("worker")).toBe(1);
    } finally {
      process.off("uncaughtException", onError);
      await supervisor.stopAll(2_000);
    }
  });

  it("takes its children with it when it is killed with SIGKILL", async () => {
    const fixture = spawn(process.execPath, ["--import", "tsx", "lib/testing/supervisor-fixture.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pids = await new Promise<number[]>((resolve, reject) => {
      let out = "";
      fixture.stdout!.on("data", (chunk: Buffer) => {
        out += chunk;
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve(JSON.parse(line).pids);
      });
      fixture.once("exit", () => reject(new Error("the supervisor fixture exited early")));
    });
    expect(pids.every(alive)).toBe(true);
    fixture.kill("SIGKILL");
    await expect.poll(() => pids.filter(alive), { timeout: 20_000, interval: 100 }).toEqual([]);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
