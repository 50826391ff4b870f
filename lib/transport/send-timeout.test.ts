import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { settlesWithin, startReceiver, startSilentServer, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";

// The timeout covers the whole exchange, and at the timeout the connection is closed: the
// receiver sees it go, whatever stage the exchange was at. The cases wait on the clock, not the
// CPU, so they run side by side.
//
// On a loaded machine timers fire late, never early: the timeout is checked exactly on its early
// side and with generous slack on its late side (LATE_MS), and what can happen only in one order
// is asserted on the order (what the receiver wrote before the close), not on a stopwatch.

const TIMEOUT_MS = 1500;
/** How late a timer may fire on a busy machine before a test calls it a failure. */
const LATE_MS = 10_000;
const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };

let sender: Sender;
/** For cases whose point is that the timeout is never reached. */
let patient: Sender;
const PATIENT_TIMEOUT_MS = 60_000;

beforeAll(() => {
  sender = createSender({ timeoutMs: TIMEOUT_MS, allowPrivateNetworks: true });
  patient = createSender({ timeoutMs: PATIENT_TIMEOUT_MS, allowPrivateNetworks: true });
});
afterAll(async () => {
  await sender.close();
  await patient.close();
});
// Concurrent tests must register their cleanup on their own context.
async function receiver(context: TestContext, handler: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(handler);
  context.onTestFinished(started.close);
  return started;
}

describe.concurrent("send timeout", () => {
  it("gives up at the timeout when no answer comes, and closes the connection", async (context) => {
    const r = await receiver(context, () => {});
    const result = await sender.send({ url: r.origin, ...request });

    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.failure).toEqual({
      reason: "timeout",
      message: "No response within 1.5 s; NovaVMS closed the connection.",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + LATE_MS);
    expect(r.requests).toHaveLength(1);
    // The receiver never closes it: the sender did.
    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
  });

  it("succeeds when the answer comes shortly before the timeout", async (context) => {
    // 1.5 s of answer time, 3 s before the timeout: room for a busy machine's late timers.
    const answerAfterMs = 1_500;
    const timeoutMs = answerAfterMs + 3_000;
    const tight = createSender({ timeoutMs, allowPrivateNetworks: true });
    context.onTestFinished(tight.close);
    const r = await receiver(context, (_req, res) => setTimeout(() => res.end("late but fine"), answerAfterMs));
    const result = await tight.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.status).toBe(200);
    expect(result.body?.toString()).toBe("late but fine");
    expect(result.durationMs).toBeGreaterThanOrEqual(answerAfterMs - 5);
  });

  it("counts the TLS handshake in the timeout: a server that never completes it times out and is closed", async (context) => {
    const silent = await startSilentServer();
    context.onTestFinished(silent.close);
    const result = await sender.send({ url: `https://127.0.0.1:${silent.port}/`, ...request });
    expect(result.failure?.reason).toBe("timeout");
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + LATE_MS);
    expect(await waitFor(() => silent.connections.closed === 1, LATE_MS)).toBe(true);
    expect(silent.connections.opened).toBe(1);
  });

  it("keeps a 2xx whose body never ends (nor reaches 1 KB) a success, with what arrived by the timeout", async (context) => {
    let written = 0;
    const r = await receiver(context, (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : (written++, res.write("a"))), 100);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.status).toBe(200);
    expect(result.bodyTruncated).toBe(true);
    // What had arrived by the timeout: some of what the receiver wrote, never more.
    expect(result.body?.toString()).toMatch(/^a+$/);
    expect(result.body!.length).toBeLessThanOrEqual(written);
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + LATE_MS);
    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
  });

  it("reports a non-2xx whose body never ends as http_status at the timeout, not as a timeout", async (context) => {
    const r = await receiver(context, (_req, res) => {
      res.writeHead(503);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write("b")), 100);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(503);
    expect(result.failure?.reason).toBe("http_status");
    expect(result.body?.toString()).toMatch(/^b+$/);
    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
  });

  it("returns as soon as 1 KB of a trickling body has arrived", async (context) => {
    // 1,200 bytes in six drips, then silence with the response left open: only a sender that stops
    // at 1 KB returns before its (60 s) timeout.
    const r = await receiver(context, (_req, res) => {
      res.writeHead(200);
      let drips = 0;
      const drip = setInterval(() => {
        if (res.destroyed || drips === 6) return clearInterval(drip);
        drips++;
        res.write("c".repeat(200));
      }, 50);
    });
    const result = await patient.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.body).toEqual(Buffer.alloc(1024, "c"));
    expect(result.bodyTruncated).toBe(true);
    expect(result.durationMs).toBeLessThan(PATIENT_TIMEOUT_MS / 2);
    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
  });
});

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await sleep(10);
  return condition();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
