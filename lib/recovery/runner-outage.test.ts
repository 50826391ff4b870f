import type { ServerResponse } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { connectDatabase } from "../db/client";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { seedFailedDeliveries } from "../testing/recovery-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createRecovery } from "./create";
import { createRecoveryRunner } from "./runner";

// The database goes away while a recovery's attempts are on the wire. Each attempt that ends then
// asks the runner to claim the next items, and that claim fails too: the failure is the worker
// loop's to report and back off from (lib/dispatch/worker.ts), and must not escape as an unhandled
// rejection, which ends a Node process.

let ctx: TestContext;
let receiver: Receiver;
const held: ServerResponse[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => held.push(res));
});
afterAll(async () => {
  for (const res of held) res.end();
  await receiver.close();
  await ctx.close();
});

describe("the recovery runner when the database goes away mid-recovery", () => {
  it("leaves the failed claims after each finished attempt to the worker loop, with no unhandled rejection", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await seedFailedDeliveries(ctx, orgId, { urls: [`${receiver.origin}/held`], events: 4 });
    const created = await createRecovery(ctx, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    expect(created.dryRun).toBe(false);

    // The runner's own pool: ending it is the database going away for the runner alone.
    const db = connectDatabase(ctx.database.url, { poolSize: 2 });
    const logged: string[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    const runner = createRecoveryRunner({
      db,
      cipher: ctx.cipher,
      send: ctx.send,
      log,
      concurrency: 2,
      endpointConcurrency: 2,
      leaseMs: 60_000,
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      expect(await runner.pump()).toBe(2);
      await expect.poll(() => held.length, { timeout: 10_000 }).toBe(2);
      await db.close();
      for (const res of held.splice(0)) res.writeHead(200).end("ok");
      // Each attempt's result cannot be written (logged), and its end then asks for another claim.
      await expect
        .poll(() => logged.filter((line) => line.includes("recovery attempt failed")).length, { timeout: 10_000 })
        .toBe(2);
      // An unhandled rejection is reported once the microtasks of the failed claim have run.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rejections).toEqual([]);
      // The runner still stops cleanly, its last claim having failed.
      await runner.stop();
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
