import { spawn, type ChildProcess } from "node:child_process";
import { systemCaller } from "../auth/caller";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestEvent } from "../events/ingest";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { spawnWorker, stopWorkers } from "../testing/worker-process";
import { createWebhook } from "../webhooks/create-webhook";

// The per-webhook rate limit is held across worker processes: two real workers sharing one
// database do not each send the full rate.
//
// The limit is on attempts started: each turn is held until its attempt starts, and the next one
// comes an interval after that start, so the attempts' `started_at` (stamped by the sending worker
// as its request goes out) are at least 200 ms apart, whichever worker sent them and however late
// a worker got the CPU after its turn was granted. The receiver checks the rest: every request
// arrived, and 200 of them took the 39.8 s that 5 per second needs. Its own arrival stamps are not
// counted per second: on a loaded machine a receiver waiting for the CPU reads several requests at
// once that were sent 200 ms apart (traced: sends 194–206 ms apart, arrivals bunched), which
// measures this machine, not the limiter.

let ctx: TestContext;
let receiver: { origin: string; process: ChildProcess };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-rate-"));

// The receiver runs in a process of its own: this one also serves the embedded database to both
// workers, and its busy event loop would bunch up the arrival times it measures. An arrival is
// stamped when its request line and headers are read (the request has started arriving), and the
// process asks for a higher scheduling priority where it may: on a loaded machine a receiver that
// waits for the CPU stamps several arrivals at once, which the limiter did not send at once. Its
// first requests are slow to stamp too (a new process's first request), so it is warmed with a few
// POSTs to /warm, which it answers without recording.
const RECEIVER = `
const http = require("node:http");
const os = require("node:os");
try { os.setPriority(-10); } catch {}
const arrivals = [];
const server = http.createServer((req, res) => {
  if (req.method === "GET") return res.end(JSON.stringify(arrivals));
  if (req.url === "/warm") return req.resume().on("end", () => res.end());
  arrivals.push(performance.now());
  req.resume();
  req.on("end", () => res.writeHead(200).end("ok"));
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));`;

beforeAll(async () => {
  ctx = await createTestContext();
  const child = spawn(process.execPath, ["-e", RECEIVER], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) =>
    child.stdout!.once("data", (data) => resolve(String(data).trim())),
  );
  receiver = { origin: `http://127.0.0.1:${port}`, process: child };
  for (let i = 0; i < 5; i++) await (await fetch(`${receiver.origin}/warm`, { method: "POST", body: "{}" })).text();
});
afterAll(async () => {
  receiver.process.kill();
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function arrivals(): Promise<number[]> {
  return (await fetch(`${receiver.origin}/arrivals`)).json() as Promise<number[]>;
}

function startWorkerProcess(): ChildProcess {
  return spawnWorker(ctx, { dataDir, env: { NOVAVMS_DB_POOL_SIZE: "4", LOG_LEVEL: "error" } });
}

/** The most arrivals inside any window of `ms` (sliding, starting at each arrival). */
function busiestWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end] < sorted[start] + ms) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

describe("rate limit across workers", () => {
  it("keeps 2 workers together at 5 per second for 200 due deliveries", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await createWebhook(ctx, systemCaller(orgId), {
      url: `${receiver.origin}/limited`,
      description: "",
      event_types: [],
      enabled: true,
      rate_limit_per_second: 5,
    });
    for (let i = 0; i < 200; i++) await ingestEvent(ctx, systemCaller(orgId), { type: "camera.offline", data: { i } });
    const workers = [startWorkerProcess(), startWorkerProcess()];
    try {
      await expect.poll(async () => (await arrivals()).length, { timeout: 150_000, interval: 1_000 }).toBe(200);
    } finally {
      await stopWorkers(workers, "SIGTERM");
    }
    const { rows } = await ctx.db.pool.query<{ started_at: Date }>(
      "SELECT started_at FROM delivery_attempts WHERE webhook_id = $1",
      [webhook.id],
    );
    expect(rows).toHaveLength(200);
    const started = rows.map((row) => row.started_at.getTime()).sort((a, b) => a - b);
    // Starts are an interval apart, less 2 ms: the stamps and the database keep milliseconds.
    const gaps = started.slice(1).map((at, i) => at - started[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(198);
    expect(busiestWindow(started, 1_000)).toBeLessThanOrEqual(6);
    const times = await arrivals();
    expect(times).toHaveLength(200);
    // 200 at 5 per second cannot take less than 39.8 s, at the receiver as at the senders.
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted[199] - sorted[0]).toBeGreaterThanOrEqual(39_000);
    expect(started[199] - started[0]).toBeGreaterThanOrEqual(39_000);
  });
});
