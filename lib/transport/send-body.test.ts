import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { settlesWithin, startReceiver, writeUntilClosed, type Receiver } from "../testing/receivers";
import { MAX_STORED_BODY_BYTES } from "./limits";
import { createSender, type Sender } from "./send";

// Exactly the first 1024 bytes of any answer are kept, byte for byte, and a longer body is not
// read further: the receiver sees the connection close before it has finished sending.
//
// The timeout is long, so that returning at 1 KB and returning at the timeout are far apart: a
// busy machine's late timers cannot turn one into the other.

const TIMEOUT_MS = 40_000;
/** How late a timer may fire on a busy machine before a test calls it a failure. */
const LATE_MS = 10_000;
const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };

let sender: Sender;
const receivers: Receiver[] = [];

beforeAll(() => {
  sender = createSender({ timeoutMs: TIMEOUT_MS, allowPrivateNetworks: true });
});
afterAll(() => sender.close());
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(handler: (res: ServerResponse) => void): Promise<Receiver> {
  const started = await startReceiver((_req, res) => handler(res));
  receivers.push(started);
  return started;
}

describe("response body capture", () => {
  it("keeps 1024 bytes of a 5 MB body and closes the connection instead of reading the rest", async () => {
    let outcome: Promise<{ written: number; finished: boolean }> | undefined;
    const r = await receiver((res) => {
      res.writeHead(200, { "Content-Length": String(5 * 1024 * 1024) });
      outcome = writeUntilClosed(res, Buffer.alloc(64 * 1024, "x"), 5 * 1024 * 1024);
    });
    const result = await sender.send({ url: r.origin, ...request });

    expect(result.ok).toBe(true);
    expect(result.body).toEqual(Buffer.alloc(1024, "x"));
    expect(result.bodyTruncated).toBe(true);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS / 2);
    expect(r.requests).toHaveLength(1);
    // A client that read the whole body would keep this connection open for its next request.
    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
    // The receiver's write of the 5 MB was cut short, not completed.
    expect((await outcome!).finished).toBe(false);
  });

  it("does not download a 1 GB body: the receiver's write never completes", async () => {
    let outcome: Promise<{ written: number; finished: boolean }> | undefined;
    const gigabyte = 1024 * 1024 * 1024;
    const r = await receiver((res) => {
      res.writeHead(200, { "Content-Length": String(gigabyte) });
      outcome = writeUntilClosed(res, Buffer.alloc(64 * 1024, "y"), gigabyte);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.body?.length).toBe(1024);
    expect(result.bodyTruncated).toBe(true);

    expect(await settlesWithin(r.requests[0].connectionClosed, LATE_MS)).toBe(true);
    const { written, finished } = await outcome!;
    expect(finished).toBe(false);
    // What the kernel's socket buffers absorbed before the close, nowhere near the whole body.
    expect(written).toBeLessThan(256 * 1024 * 1024);
  });

  it("returns well before the timeout from a body that never ends", async () => {
    let outcome: Promise<{ written: number; finished: boolean }> | undefined;
    const r = await receiver((res) => {
      res.writeHead(500);
      outcome = writeUntilClosed(res, Buffer.alloc(1000, "z"));
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.status).toBe(500);
    expect(result.failure?.reason).toBe("http_status");
    expect(result.body).toEqual(Buffer.alloc(1024, "z"));
    expect(result.bodyTruncated).toBe(true);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS / 2);
    expect((await outcome!).finished).toBe(false);
  });

  it.each([
    ["with a Content-Length", true],
    ["chunked", false],
  ])("keeps a body of exactly 1024 bytes whole and not truncated (%s)", async (_name, withLength) => {
    const bytes = randomBytes(1024);
    const r = await receiver((res) => {
      if (withLength) res.setHeader("Content-Length", "1024");
      // A write before end() keeps Node from adding a Content-Length of its own.
      res.write(bytes);
      res.end();
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.headers?.["transfer-encoding"]).toBe(withLength ? undefined : "chunked");
    expect(result.body?.equals(bytes)).toBe(true);
    expect(result.bodyTruncated).toBe(false);
    // Read to its end, so the connection stays open for the next attempt.
    expect(await settlesWithin(r.requests[0].connectionClosed, 100)).toBe(false);
  });

  it("marks 1025 bytes as truncated and keeps the first 1024", async () => {
    const bytes = randomBytes(1025);
    const r = await receiver((res) => res.end(bytes));
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.body?.equals(bytes.subarray(0, 1024))).toBe(true);
    expect(result.bodyTruncated).toBe(true);
  });

  it("cuts a multi-byte UTF-8 character at byte 1024 without decoding or repairing it", async () => {
    // 1023 ASCII bytes, then "€" (E2 82 AC): only its first byte fits.
    const text = "a".repeat(1023) + "€ and more";
    const r = await receiver((res) => {
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(text);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.body?.length).toBe(MAX_STORED_BODY_BYTES);
    expect(result.body?.subarray(0, 1023).equals(Buffer.alloc(1023, "a"))).toBe(true);
    expect(result.body?.[1023]).toBe(0xe2);
    expect(result.bodyTruncated).toBe(true);
  });

  it("keeps a binary body byte for byte", async () => {
    const bytes = randomBytes(700);
    const r = await receiver((res) => {
      res.setHeader("Content-Type", "application/octet-stream");
      res.end(bytes);
    });
    const result = await sender.send({ url: r.origin, ...request });
    expect(Buffer.isBuffer(result.body)).toBe(true);
    expect(result.body?.equals(bytes)).toBe(true);
    expect(result.bodyTruncated).toBe(false);
  });

  it("keeps an empty body as an empty buffer", async () => {
    const r = await receiver((res) => res.writeHead(204).end());
    const result = await sender.send({ url: r.origin, ...request });
    expect(result.ok).toBe(true);
    expect(result.status).toBe(204);
    expect(result.body).toEqual(Buffer.alloc(0));
    expect(result.bodyTruncated).toBe(false);
  });
});
