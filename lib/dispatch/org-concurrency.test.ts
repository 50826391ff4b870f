import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSender } from "../transport/send";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { startWorker } from "./worker";

// NOVAVMS_WORKER_ORG_CONCURRENCY, through the worker `npm start` runs: an org's attempts in flight
// in one worker stop at it, whatever slots the worker has free, and another org's event still goes.

let ctx: TestContext;
let hanging: Receiver;
let fast: Receiver;
beforeAll(async () => {
  ctx = await createTestContext({
    NOVAVMS_WORKER_CONCURRENCY: "16",
    NOVAVMS_WORKER_ENDPOINT_CONCURRENCY: "4",
    NOVAVMS_WORKER_ORG_CONCURRENCY: "3",
  });
  hanging = await startReceiver(() => {});
  fast = await startReceiver((_req, res) => res.writeHead(204).end());
});
afterAll(async () => {
  await hanging?.close();
  await fast?.close();
  await ctx?.close();
});

describe("NOVAVMS_WORKER_ORG_CONCURRENCY", () => {
  it("holds one org to that many attempts in flight per worker, and sends another org's event beside them", async () => {
    const noisy = await createTestOrg(ctx.db, ctx.cipher, "Hanging endpoints");
    const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet beside them");
    // Two endpoints of 4 slots each and 16 free in the worker: only the org's cap holds it to 3.
    for (let i = 0; i < 2; i++) await addWebhook(ctx, noisy.orgId, `${hanging.origin}/never-${i}`);
    await addWebhook(ctx, quiet.orgId, `${fast.origin}/quiet`);
    for (let i = 0; i < 5; i++) await sendEvent(ctx, noisy.orgId);
    const sender = createSender({ timeoutMs: 300_000, allowPrivateNetworks: true });
    const worker = startWorker(ctx, { send: sender.send });
    try {
      await expect.poll(() => hanging.requests.length, { timeout: 30_000, interval: 20 }).toBe(3);
      // Ingesting wakes the worker in this process, as the web server's events do under `npm start`.
      await sendEvent(ctx, quiet.orgId);
      await expect.poll(() => fast.requests.length, { timeout: 30_000, interval: 20 }).toBe(1);
      // Ticks went by meanwhile (one a second): none of them sent a fourth.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(hanging.requests.length).toBe(3);
      expect(worker.dispatcher.inFlight).toBe(3);
    } finally {
      // Closing the receiver ends the hanging requests; the worker then writes their results.
      await hanging.close();
      await worker.stop();
      await sender.close();
    }
  });
});
