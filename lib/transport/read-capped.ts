import type { Readable } from "node:stream";

// Reads at most `limit` bytes of a response body, then destroys the stream so the receiver's
// connection is closed: a body of any size, or one that never ends, costs at most `limit` bytes
// and no more time than it takes them to arrive.

export type CappedBody = {
  bytes: Buffer;
  /** True when the body had more than `limit` bytes, or may have had (it stopped early). */
  truncated: boolean;
};

export function readCapped(stream: Readable, limit: number, declaredLength: number | null): Promise<CappedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;

    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      stream.off("data", onData);
      // concat copies, so the kept bytes do not pin the (possibly much larger) chunks they came from.
      const bytes = Buffer.concat(chunks, Math.min(received, limit));
      // Destroying aborts the request and closes its connection. (undici 7 then briefly opens and
      // drops a replacement connection, nodejs/undici#5845; the receiver sees no request on it.)
      if (!stream.readableEnded) stream.destroy();
      resolve({ bytes, truncated });
    };

    const onData = (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, Math.max(0, limit - received)));
      received += chunk.length;
      if (received > limit) return finish(true);
      if (received < limit) return;
      // Exactly `limit` bytes so far. When the declared length says that is all, wait for the end
      // so the connection stays reusable. Otherwise give an end that is already parsed one turn
      // of the event loop to arrive ('end' or more data settle it first), and count a body still
      // open after that as truncated.
      if (declaredLength === limit) return;
      if (declaredLength !== null) return finish(true);
      setImmediate(() => finish(true));
    };

    // Kept after settling: destroying the stream can still report an abort, and an unheard
    // 'error' event would crash the process.
    stream.on("error", () => finish(true));
    stream.on("data", onData);
    stream.once("end", () => finish(false));
    stream.once("close", () => finish(!stream.readableEnded));
  });
}
