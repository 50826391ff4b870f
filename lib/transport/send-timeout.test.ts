import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { settlesWithin, startReceiver, startSilentServer, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";

// The timeout covers the whole exchange, and at the timeout the connection is closed: the
// receiver sees it go, whatever stage the exchange was at. The cases wait on the clock, not the
// CPU, so they run side by side.

const TIMEOUT_MS = 1500;
const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };

let sender: Sender;

beforeAll(() => {
  sender = createSender({ timeoutMs: TIMEOUT_MS, allowPrivateNetworks: true });
});
afterAll(() => sender.close());
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
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 300);
    expect(r.requests).toHaveLength(1);
    expect(await settlesWithin(r.requests[0].connectionClosed, 200)).toBe(true);
  });

  it("succeeds when the answer comes just before the timeout", async (context) => {
    const r = await receiver(context, (_req, res) => setTimeout(() => res.end("late but fine"), TIMEOUT_MS - 300));
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.status).toBe(200);
    expect(result.body?.toString()).toBe("late but fine");
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 300 - 5);
  });

  it("counts the TLS handshake in the timeout: a server that never completes it times out and is closed", async (context) => {
    const silent = await startSilentServer();
    context.onTestFinished(silent.close);
    const result = await sender.send({ url: `https://127.0.0.1:${silent.port}/`, ...request });
    expect(result.failure?.reason).toBe("timeout");
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 300);
    expect(await waitFor(() => silent.connections.closed === 1, 200)).toBe(true);
    expect(silent.connections.opened).toBe(1);
  });

  it("keeps a 2xx whose body never ends (nor reaches 1 KB) a success, with what arrived by the timeout", async (context) => {
    const r = await receiver(context, (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write("a")), 100);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.status).toBe(200);
    expect(result.bodyTruncated).toBe(true);
    expect(result.body?.length).toBeGreaterThanOrEqual(10);
    expect(result.body?.length).toBeLessThanOrEqual(16);
    expect(result.body?.toString()).toMatch(/^a+$/);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 300);
    expect(await settlesWithin(r.requests[0].connectionClosed, 200)).toBe(true);
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
    expect(await settlesWithin(r.requests[0].connectionClosed, 200)).toBe(true);
  });

  it("returns as soon as 1 KB of a trickling body has arrived", async (context) => {
    const r = await receiver(context, (_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write("c".repeat(200))), 50);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.body?.length).toBe(1024);
    expect(result.bodyTruncated).toBe(true);
    expect(result.durationMs).toBeLessThan(600);
    expect(await settlesWithin(r.requests[0].connectionClosed, 200)).toBe(true);
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
