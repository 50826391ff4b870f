import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findClosedPort, startReceiver, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";

// The transport against real receivers on loopback: what goes on the wire, what is captured, and
// how each way of not getting an answer is reported.

const body = Buffer.from('{"id":"evt_1","type":"camera.offline","created_at":"2025-01-01T00:00:00Z","data":{}}');
const headers = {
  "Content-Type": "application/json",
  "User-Agent": "NovaVMS-Webhooks/0.1.0",
  "X-NovaVMS-Signature": "sha256=abc",
  "X-NovaVMS-Delivery": "dlv_1",
};

let sender: Sender;
const receivers: Receiver[] = [];
/** How late a timer may fire on a busy machine before a test calls it a failure. */
const LATE_MS = 10_000;

beforeAll(() => {
  sender = createSender({ timeoutMs: 1500, allowPrivateNetworks: true });
});
afterAll(() => sender.close());
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(handler: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(handler);
  receivers.push(started);
  return started;
}

describe("send over HTTP", () => {
  it("POSTs exactly the given headers and bytes, and captures a 2xx answer", async () => {
    const r = await receiver((_req, res) => {
      res.setHeader("X-Request-Seen", "yes");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("thanks");
    });
    const result = await sender.send({ url: `${r.origin}/hooks?x=1`, headers, body });

    expect(result.ok).toBe(true);
    expect(result.failure).toBeNull();
    expect(result.status).toBe(200);
    expect(result.headers).toMatchObject({
      "x-request-seen": "yes",
      "set-cookie": "a=1, b=2",
      "content-type": "text/plain",
    });
    expect(result.body).toEqual(Buffer.from("thanks"));
    expect(result.bodyTruncated).toBe(false);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.startedAt).toBeInstanceOf(Date);

    expect(r.requests).toHaveLength(1);
    const [received] = r.requests;
    expect(received.method).toBe("POST");
    expect(received.path).toBe("/hooks?x=1");
    expect(received.body.equals(body)).toBe(true);
    const names = received.rawHeaders
      .filter((_, i) => i % 2 === 0)
      .map((n) => n.toLowerCase())
      .sort();
    // Only what HTTP/1.1 itself needs is added to the caller's headers.
    expect(names).toEqual([
      "connection",
      "content-length",
      "content-type",
      "host",
      "user-agent",
      "x-novavms-delivery",
      "x-novavms-signature",
    ]);
    expect(headerValue(received.rawHeaders, "user-agent")).toBe("NovaVMS-Webhooks/0.1.0");
    expect(headerValue(received.rawHeaders, "content-length")).toBe(String(body.length));
  });

  it("reports a 500 as http_status, with the body the endpoint returned", async () => {
    const r = await receiver((_req, res) => {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end('{"error":"boom"}');
    });
    const result = await sender.send({ url: r.origin, headers, body });
    expect(result).toMatchObject({ ok: false, status: 500, bodyTruncated: false });
    expect(result.failure).toEqual({ reason: "http_status", message: "Your endpoint returned HTTP 500." });
    expect(result.body?.toString()).toBe('{"error":"boom"}');
  });

  it("does not follow a redirect: a 302 is a failure and the Location is never requested", async () => {
    const r = await receiver((req, res) => {
      if (req.url === "/moved") return res.writeHead(302, { Location: "/elsewhere" }).end("see /elsewhere");
      res.end("followed");
    });
    const result = await sender.send({ url: `${r.origin}/moved`, headers, body });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(302);
    expect(result.headers?.location).toBe("/elsewhere");
    expect(result.failure).toEqual({
      reason: "http_status",
      message: "Your endpoint returned HTTP 302 (redirects are not followed).",
    });
    expect(r.requests.map((q) => q.path)).toEqual(["/moved"]);
  });

  it("keeps the connection alive between attempts to the same origin", async () => {
    const r = await receiver((_req, res) => res.end("ok"));
    for (let i = 0; i < 3; i++) {
      expect((await sender.send({ url: r.origin, headers, body })).ok).toBe(true);
      // The pool takes the connection back on the next turn of the event loop; an attempt sent
      // in the same turn would open a second one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(r.requests).toHaveLength(3);
    expect(r.connections.opened).toBe(1);
  });

  it("opens at most maxConnectionsPerOrigin connections, queueing the rest", async () => {
    const limited = createSender({ timeoutMs: 1500, allowPrivateNetworks: true, maxConnectionsPerOrigin: 2 });
    try {
      const r = await receiver((_req, res) => setTimeout(() => res.end("ok"), 50));
      const results = await Promise.all(
        Array.from({ length: 6 }, () => limited.send({ url: r.origin, headers, body })),
      );
      expect(results.every((x) => x.ok)).toBe(true);
      expect(r.requests).toHaveLength(6);
      expect(r.connections.opened).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it("reports a closed port as connection_refused", async () => {
    const port = await findClosedPort();
    const result = await sender.send({ url: `http://127.0.0.1:${port}/`, headers, body });
    expect(result).toMatchObject({ ok: false, status: null, headers: null, body: null, bodyTruncated: false });
    expect(result.failure).toEqual({
      reason: "connection_refused",
      message: `127.0.0.1 refused the connection on port ${port}.`,
    });
  });

  it("reports a receiver that drops the connection on the request as connection_reset", async () => {
    const r = await receiver((req) => req.socket.destroy());
    const result = await sender.send({ url: r.origin, headers, body });
    expect(result.status).toBeNull();
    expect(result.failure).toEqual({
      reason: "connection_reset",
      message: "127.0.0.1 closed the connection before a complete response arrived.",
    });
    expect(r.requests).toHaveLength(1);
  });

  it("reports an answer that is not HTTP as connection_reset, saying so", async () => {
    const r = await receiver((req) => req.socket.end("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    const result = await sender.send({ url: r.origin, headers, body });
    expect(result.status).toBeNull();
    expect(result.failure?.reason).toBe("connection_reset");
    expect(result.failure?.message).toMatch(
      /^127\.0\.0\.1 answered with something that is not a valid HTTP\/1\.1 response \(.+\); NovaVMS closed the connection\.$/,
    );
  });

  it("reports response headers too large to parse as connection_reset", async () => {
    const r = await receiver((_req, res) => {
      for (let i = 0; i < 400; i++) res.setHeader(`x-h${i}`, "v".repeat(100));
      res.end("ok");
    });
    const result = await sender.send({ url: r.origin, headers, body });
    expect(result.failure).toEqual({
      reason: "connection_reset",
      message:
        "127.0.0.1 answered with something that is not a valid HTTP/1.1 response (Headers Overflow Error); NovaVMS closed the connection.",
    });
  });

  it("throws for headers no HTTP request can carry: that is a bug in the caller, not a network outcome", async () => {
    const r = await receiver((_req, res) => res.end());
    await expect(sender.send({ url: r.origin, headers: { "X-Bad": "a\r\nInjected: 1" }, body })).rejects.toMatchObject({
      code: "UND_ERR_INVALID_ARG",
    });
    expect(r.requests).toHaveLength(0);
  });

  it("reports a host name that does not resolve as dns, within the timeout", async () => {
    const result = await sender.send({ url: "https://no-such-host.invalid/hooks", headers, body });
    expect(result.ok).toBe(false);
    expect(result.failure?.reason).toBe("dns");
    expect(result.failure?.message).toMatch(/^The host name no-such-host\.invalid did not resolve/);
    // Within the timeout, with room for a busy machine's late timers.
    expect(result.durationMs).toBeLessThan(1500 + LATE_MS);
  });

  it("reports a resolver that never answers as dns at the timeout, not as the receiver's timeout", async () => {
    const asked: string[] = [];
    const silentDns = createSender({
      timeoutMs: 400,
      allowPrivateNetworks: false,
      resolve: (hostname) => asked.push(hostname),
    });
    try {
      const result = await silentDns.send({ url: "https://hooks.example.com/in", headers, body });
      expect(asked).toEqual(["hooks.example.com"]);
      expect(result.ok).toBe(false);
      expect(result.failure).toEqual({
        reason: "dns",
        message: "The host name hooks.example.com did not resolve within 0.4 s.",
      });
      expect(result.durationMs).toBeGreaterThanOrEqual(390);
      expect(result.durationMs).toBeLessThan(400 + LATE_MS);
    } finally {
      await silentDns.close();
    }
  });

  it("refuses a name whose resolver answers with a private address, and connects to nothing", async () => {
    const guarded = createSender({
      timeoutMs: 1500,
      allowPrivateNetworks: false,
      resolve: (_hostname, _options, callback) => callback(null, [{ address: "169.254.169.254", family: 4 }]),
    });
    try {
      const result = await guarded.send({ url: "https://hooks.example.com/in", headers, body });
      expect(result.failure?.reason).toBe("destination_blocked");
      expect(result.failure?.message).toContain("169.254.169.254");
    } finally {
      await guarded.close();
    }
  });

  it("returns a failure instead of throwing for a URL that cannot be delivered to", async () => {
    const result = await sender.send({ url: "ftp://example.com/hooks", headers, body });
    expect(result.ok).toBe(false);
    expect(result.failure?.reason).toBe("destination_blocked");
    expect(result.failure?.message).toBe("Only https:// and http:// URLs can receive webhooks, not ftp: URLs.");
  });

  it("throws when used after close", async () => {
    const closed = createSender({ timeoutMs: 1500, allowPrivateNetworks: true });
    await closed.close();
    await expect(closed.send({ url: "http://127.0.0.1:9/", headers, body })).rejects.toMatchObject({
      code: "UND_ERR_DESTROYED",
    });
  });

  it("refuses a timeout that is not a positive whole number of milliseconds", () => {
    expect(() => createSender({ timeoutMs: 0, allowPrivateNetworks: true })).toThrow(RangeError);
  });
});

function headerValue(rawHeaders: string[], name: string): string | undefined {
  const index = rawHeaders.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === name);
  return index === -1 ? undefined : rawHeaders[index + 1];
}
