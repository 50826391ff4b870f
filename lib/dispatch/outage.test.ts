import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { createSender } from "../transport/send";
import { ingestEvent } from "../events/ingest";
import { createTestOrg } from "../testing/org-fixtures";
import { createPausableDatabase, type PausableDatabase } from "../testing/pausable-database";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createWebhook } from "../webhooks/create-webhook";
import { startWorker } from "./worker";

// The database goes away while the worker has attempts on the wire and deliveries due: the
// worker must neither die (an unhandled rejection ends a Node process) nor stop for good; it backs
// off and delivers everything once the database is back, resending only what was in flight.

let database: PausableDatabase;
let receiver: Receiver;
let holding = true;
let held: Array<() => void> = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  database = await createPausableDatabase({ NOVAVMS_LEASE_SECONDS: "5" });
  receiver = await startReceiver((_req, res) => {
    const answer = () => res.writeHead(200).end("ok");
    if (holding) held.push(answer);
    else answer();
  });
});
afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  held.forEach((answer) => answer());
  await receiver.close();
  await database.close();
});

describe("a database outage under the worker", () => {
  it("survives it, backs off, and delivers every delivery once the database is back", async () => {
    const { context } = database;
    const { orgId } = await createTestOrg(context.db, context.cipher);
    await createWebhook(context, systemCaller(orgId), {
      url: `${receiver.origin}/outage`,
      description: "",
      event_types: [],
      enabled: true,
    });
    for (let i = 0; i < 12; i++)
      await ingestEvent(context, systemCaller(orgId), { type: "camera.offline", data: { i } });
    const sender = createSender({ timeoutMs: 5_000, allowPrivateNetworks: true });
    const worker = startWorker(context, { send: sender.send });
    try {
      await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
      // Every attempt the worker has on the wire has reached the receiver (they arrive one by one).
      await expect.poll(() => held.length - worker.dispatcher.inFlight, { timeout: 10_000 }).toBe(0);
      const inFlight = held.length;
      await database.pause();
      holding = false;
      held.forEach((answer) => answer());
      held = [];
      // Attempts end with the database away; their results cannot be written and claims fail.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(rejections).toEqual([]);
      await database.resume();

      await expect
        .poll(
          async () => {
            const { rows } = await context.db.pool.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM deliveries WHERE org_id = $1 AND status = 'succeeded'",
              [orgId],
            );
            return rows[0].n;
          },
          { timeout: 40_000, interval: 250 },
        )
        .toBe(12);
      const delivered = new Set(receiver.requests.map((r) => header(r.rawHeaders, "x-novavms-delivery")));
      expect(delivered.size).toBe(12);
      // Only the attempts on the wire when the database went away may have been sent twice.
      expect(receiver.requests.length - 12).toBeLessThanOrEqual(inFlight);
      expect(rejections).toEqual([]);
    } finally {
      await worker.stop();
      await sender.close();
    }
  });
});

function header(raw: string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return raw[i + 1];
  return undefined;
}
