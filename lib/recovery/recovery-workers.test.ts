import type { ChildProcess } from "node:child_process";
import { systemCaller } from "../auth/caller";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { deliveryIdsOf, seedFailedDeliveries } from "../testing/recovery-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { spawnWorker, stopWorkers } from "../testing/worker-process";
import { createRecovery } from "./create";
import { getRecovery } from "./queries";

// A recovery is a job in the database, run by real worker processes (`npm run worker`): when the
// worker running it is killed with SIGKILL, another one resumes it; the deliveries the dead worker
// had claimed without recording an attempt are attempted by the resumed job, so every delivery
// gets exactly one recorded recovery attempt: none missing, none twice.

let ctx: TestContext;
let receiver: Receiver;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-recovery-"));

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => setTimeout(() => res.writeHead(200).end("ok"), 60));
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): ChildProcess {
  return spawnWorker(ctx, {
    dataDir,
    env: {
      // A short lease, so the items the killed worker held are settled soon.
      NOVAVMS_LEASE_SECONDS: "5",
      NOVAVMS_DB_POOL_SIZE: "4",
      NOVAVMS_RECOVERY_CONCURRENCY: "32",
      LOG_LEVEL: "error",
    },
  });
}

describe("a recovery of 2,000 failed deliveries across a worker SIGKILL", () => {
  it("completes after another worker resumes it, with exactly one recorded attempt per delivery, none lost", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const urls = Array.from({ length: 10 }, (_, i) => `${receiver.origin}/endpoint-${i}`);
    const { deliveryIds } = await seedFailedDeliveries(ctx, orgId, { urls, events: 200 });
    expect(deliveryIds).toHaveLength(2000);
    const created = await createRecovery(ctx, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    if (created.dryRun) throw new Error("expected a recovery");
    const id = created.recovery.id;
    expect(created.recovery.total).toBe(2000);

    const victim = startWorkerProcess();
    let survivor: ChildProcess | undefined;
    try {
      await expect.poll(() => receiver.requests.length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(300);
      await stopWorkers([victim], "SIGKILL");
      const atKill = receiver.requests.length;
      expect(atKill).toBeLessThan(2000);
      survivor = startWorkerProcess();
      await expect
        .poll(async () => (await getRecovery(ctx.db, orgId, id)).status, { timeout: 120_000, interval: 250 })
        .toBe("completed");
    } finally {
      await Promise.all([stopWorkers([victim], "SIGKILL"), stopWorkers(survivor ? [survivor] : [], "SIGTERM")]);
    }

    const received = deliveryIdsOf(receiver.requests);
    // Nothing outside the recovery, and nothing missing: every delivery of the window reached
    // the receiver. Only a request on the wire when the worker died (at most its 32 slots) may
    // have reached it twice; its attempt had not been recorded, so the resumed job sent it again.
    expect(deliveryIds).toEqual(expect.arrayContaining(received));
    expect(new Set(received).size).toBe(2000);
    expect(received.length - 2000).toBeLessThanOrEqual(32);
    const final = await getRecovery(ctx.db, orgId, id);
    expect(final).toMatchObject({ status: "completed", total: 2000, done: 2000, succeeded: 2000, failed: 0 });
    // Exactly one recovery attempt recorded for every delivery of the window: none missing, none twice.
    const { rows } = await ctx.db.pool.query<{ delivery_id: string; n: number }>(
      `SELECT delivery_id, count(*)::int AS n FROM delivery_attempts
        WHERE org_id = $1 AND trigger = 'recovery' GROUP BY delivery_id`,
      [orgId],
    );
    expect(rows.map((row) => row.delivery_id).sort()).toEqual([...deliveryIds].sort());
    expect(rows.filter((row) => row.n !== 1)).toEqual([]);
    const items = await ctx.db.pool.query<{ state: string; n: number }>(
      `SELECT state::text, count(*)::int AS n FROM recovery_items WHERE recovery_id = $1 GROUP BY state`,
      [id],
    );
    expect(items.rows).toEqual([{ state: "succeeded", n: 2000 }]);
  });
});
