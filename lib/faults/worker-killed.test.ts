import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { spawnWorker, stopWorkers } from "../testing/worker-process";

// Fault suite: the worker process is SIGKILLed three times during a 2,000-delivery run and
// started again each time, as `npm start` restarts it. Nothing may be lost; a delivery may reach
// the receiver twice only when its attempt was on the wire at a kill and so never recorded.

const DELIVERIES = 2_000;
const CONCURRENCY = 32;
const KILLS = 3;

let ctx: TestContext;
let receiver: Receiver;
let dataDir: string;
const received = new Map<string, number>();

beforeAll(async () => {
  ctx = await createTestContext();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-fault-worker-"));
  receiver = await startReceiver((req, res) => {
    const id = String(req.headers["x-novavms-delivery"]);
    received.set(id, (received.get(id) ?? 0) + 1);
    setTimeout(() => res.writeHead(200).end("ok"), 2);
  });
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): ChildProcess {
  return spawnWorker(ctx, {
    dataDir,
    inheritEnv: true,
    env: {
      NOVAVMS_LEASE_SECONDS: "5",
      NOVAVMS_WORKER_CONCURRENCY: String(CONCURRENCY),
      NOVAVMS_DB_POOL_SIZE: "4",
      LOG_LEVEL: "silent",
    },
  });
}

function total(): number {
  let sum = 0;
  for (const n of received.values()) sum += n;
  return sum;
}

describe("fault: the worker is killed during a run", () => {
  it(`loses none of ${DELIVERIES} deliveries over ${KILLS} SIGKILLs`, async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, `${receiver.origin}/fault`);
    await insertDueDeliveries(ctx.db, orgId, hook.id, DELIVERIES);
    let worker = startWorkerProcess();
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const mark = Math.round((DELIVERIES * kill) / (KILLS + 1));
        await expect.poll(total, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(mark);
        await stopWorkers([worker], "SIGKILL");
        worker = startWorkerProcess();
      }
      await expect
        .poll(
          async () => {
            const { rows } = await ctx.db.pool.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = $1 AND status = 'succeeded'",
              [hook.id],
            );
            return rows[0].n;
          },
          { timeout: 90_000, interval: 250 },
        )
        .toBe(DELIVERIES);
    } finally {
      await stopWorkers([worker], "SIGKILL");
    }

    const { rows } = await ctx.db.pool.query<{ id: string; attempts: number; status: string }>(
      `SELECT d.id, d.status, (SELECT count(*)::int FROM delivery_attempts a WHERE a.delivery_id = d.id) AS attempts
         FROM deliveries d WHERE d.webhook_id = $1`,
      [hook.id],
    );
    expect(rows).toHaveLength(DELIVERIES);
    let unrecorded = 0;
    for (const row of rows) {
      const sends = received.get(row.id) ?? 0;
      expect(sends, row.id).toBeGreaterThanOrEqual(1);
      expect(row.attempts, row.id).toBeGreaterThanOrEqual(1);
      // A send the log does not show can only be one that was on the wire at a kill.
      expect(sends - row.attempts, row.id).toBeLessThanOrEqual(1);
      unrecorded += sends - row.attempts;
    }
    expect(unrecorded).toBeLessThanOrEqual(KILLS * CONCURRENCY);
  });
});
