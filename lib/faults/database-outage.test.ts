import { systemClock } from "../context";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import type { AppContext } from "../context";
import { createCipher } from "../crypto/encryption";
import { connectDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { systemCaller } from "../auth/caller";
import { createSender } from "../transport/send";
import { startWorker } from "../dispatch/worker";
import { ingestEvent } from "../events/ingest";
import { createLogger } from "../log";
import { insertDueDeliveries } from "../testing/bulk-deliveries";
import { createTestOrg } from "../testing/org-fixtures";
import { createPausableDatabase } from "../testing/pausable-database";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createThrowawayPostgres } from "../testing/throwaway-postgres";
import { createWebhook } from "../webhooks/create-webhook";
import { deliveryIdsOf } from "../testing/recovery-fixtures";

// Fault suite: the database is gone for 10 s in the middle of a run. On PostgreSQL that is a
// throwaway cluster of this test's own, stopped with pg_ctl and started again; on the embedded
// database its server stops listening and comes back. The worker must survive, back off and
// finish the run by itself; ingestion during the outage is refused with 503 (never half-stored).

const OUTAGE_MS = 10_000;
const DELIVERIES = 300;

type Outage = {
  context: AppContext;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

async function createOutage(): Promise<Outage> {
  if (process.env.NOVAVMS_TEST_DB === "postgres") {
    const cluster = createThrowawayPostgres();
    await migrate(cluster.url);
    const config = loadConfig({ LOG_LEVEL: "silent", NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1", NOVAVMS_LEASE_SECONDS: "5" });
    const db = connectDatabase(cluster.url, { poolSize: 5 });
    const sender = createSender({ timeoutMs: config.deliveryTimeoutMs, allowPrivateNetworks: true });
    return {
      context: {
        config,
        db,
        cipher: createCipher(randomBytes(32)),
        log: createLogger("silent", "test"),
        send: sender.send,
        now: systemClock,
      },
      stop: async () => cluster.stop(),
      start: async () => cluster.start(),
      close: async () => {
        await sender.close();
        await db.close().catch(() => {});
        cluster.destroy();
      },
    };
  }
  const database = await createPausableDatabase({ NOVAVMS_LEASE_SECONDS: "5" });
  return { context: database.context, stop: database.pause, start: database.resume, close: database.close };
}

let outage: Outage;
let receiver: Receiver;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  outage = await createOutage();
  receiver = await startReceiver((_req, res) => setTimeout(() => res.writeHead(200).end("ok"), 50));
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await receiver.close();
  await outage.close();
});

describe("fault: the database goes away for 10 s during a run", () => {
  it("loses nothing: the worker resumes by itself and every delivery succeeds", async () => {
    const { context } = outage;
    const { orgId } = await createTestOrg(context.db, context.cipher);
    const hook = await createWebhook(context, systemCaller(orgId), {
      url: `${receiver.origin}/outage`,
      description: "",
      event_types: [],
      enabled: true,
    });
    await insertDueDeliveries(context.db, orgId, hook.id, DELIVERIES);
    const sender = createSender({ timeoutMs: 5_000, allowPrivateNetworks: true });
    const worker = startWorker(context, { send: sender.send });
    try {
      await expect.poll(() => receiver.requests.length, { timeout: 30_000, interval: 10 }).toBeGreaterThan(20);
      await outage.stop();
      // The outage must fall in the middle of the run, not after it.
      expect(receiver.requests.length).toBeLessThan(DELIVERIES / 2);
      const during = await ingestEvent(context, systemCaller(orgId), { type: "camera.offline", data: {} }).catch(
        (e) => e,
      );
      expect(during).toBeInstanceOf(Error);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      // Requests before this index reached the receiver before the database came back (some were
      // claimed before it went and were still on their way as it stopped).
      const sentBeforeRestart = receiver.requests.length;
      await outage.start();
      await expect
        .poll(
          async () => {
            const { rows } = await context.db.pool.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM deliveries WHERE webhook_id = $1 AND status = 'succeeded'",
              [hook.id],
            );
            return rows[0].n;
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBe(DELIVERIES);
      // Nothing of the refused event was stored.
      const { rows } = await context.db.pool.query("SELECT 1 FROM events WHERE org_id = $1", [orgId]);
      expect(rows).toHaveLength(DELIVERIES);
      const sends = new Map<string, number[]>();
      deliveryIdsOf(receiver.requests).forEach((id, index) => {
        const indexes = sends.get(id) ?? [];
        indexes.push(index);
        sends.set(id, indexes);
      });
      expect(sends.size).toBe(DELIVERIES);
      // Sent twice only when the first send's result was not yet written as the database went
      // away (on the wire, or done and waiting for the batched write): sent once before the database
      // came back and once after, never more, and never more of them than the worker's slots.
      const twice = [...sends.values()].filter((indexes) => indexes.length > 1);
      for (const indexes of twice) {
        expect(indexes).toHaveLength(2);
        expect(indexes[0]).toBeLessThan(sentBeforeRestart);
        expect(indexes[1]).toBeGreaterThanOrEqual(sentBeforeRestart);
      }
      expect(twice.length).toBeLessThanOrEqual(context.config.workerConcurrency);
      expect(rejections).toEqual([]);
    } finally {
      await worker.stop();
      await sender.close();
    }
  });
});
