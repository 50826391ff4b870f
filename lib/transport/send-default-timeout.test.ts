import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { settlesWithin, startReceiver, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";

// The documented 10 s, for real: the two cases run side by side so the file costs ~10 s. Timers
// fire late on a busy machine, never early: the answer comes 2 s inside the timeout, and the
// timeout is checked exactly on its early side and with generous slack on its late side.

const LATE_MS = 10_000;

const timeoutMs = loadConfig({}).deliveryTimeoutMs;
const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };

let sender: Sender;
let receiver: Receiver;

beforeAll(async () => {
  sender = createSender({ timeoutMs, allowPrivateNetworks: true });
  receiver = await startReceiver((req, res) => {
    if (req.url === "/slow") setTimeout(() => res.end("done"), 8_000);
  });
});
afterAll(async () => {
  await sender.close();
  await receiver.close();
});

describe("the default 10 s timeout", () => {
  it("is 10 000 ms", () => {
    expect(timeoutMs).toBe(10_000);
  });

  it("accepts an answer after 8 s and gives up on silence at 10 s, closing the connection", async () => {
    const [slow, silent] = await Promise.all([
      sender.send({ url: `${receiver.origin}/slow`, ...request }),
      sender.send({ url: `${receiver.origin}/silent`, ...request }),
    ]);

    expect(slow.ok).toBe(true);
    expect(slow.status).toBe(200);
    expect(slow.body?.toString()).toBe("done");
    expect(slow.durationMs).toBeGreaterThanOrEqual(7_995);

    expect(silent.ok).toBe(false);
    expect(silent.failure).toEqual({
      reason: "timeout",
      message: "No response within 10 s; NovaVMS closed the connection.",
    });
    expect(silent.durationMs).toBeGreaterThanOrEqual(9_995);
    expect(silent.durationMs).toBeLessThan(10_000 + LATE_MS);
    // One connection per attempt in flight; the timed-out one is closed at the timeout.
    const silentRequest = receiver.requests.find((r) => r.path === "/silent");
    expect(await settlesWithin(silentRequest!.connectionClosed, LATE_MS)).toBe(true);
  }, 60_000);
});
