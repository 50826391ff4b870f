import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";

// Fault suite: receivers that misbehave at the socket level. Each attempt must end within the
// delivery timeout with the right outcome: a failure with its reason, the delivery queued for its
// retry (nothing lost, nothing for a person to unstick); or, once a 2xx status has arrived, a
// success however the body ends (the contract: success is a 2xx status within the timeout, and
// a trickling body must not hold a worker). Either way the worker's slot comes back.

type Behaviour = (socket: net.Socket) => void;

const BEHAVIOURS: Record<string, { behave: Behaviour; reason: string | null }> = {
  reset: { behave: (socket) => socket.resetAndDestroy(), reason: "connection_reset" },
  "half a response": {
    behave: (socket) => socket.end("HTTP/1.1 200 OK\r\nContent-Type: appl"),
    reason: "connection_reset",
  },
  "half a body": {
    behave: (socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"ok":'),
    reason: null,
  },
  "bytes trickled for minutes": {
    behave: (socket) => {
      socket.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
      const timer = setInterval(() => socket.write("."), 100);
      socket.on("close", () => clearInterval(timer));
      setTimeout(() => socket.destroy(), 180_000).unref();
    },
    reason: null,
  },
  "100 KB of headers": {
    behave: (socket) => {
      const headers = Array.from({ length: 100 }, (_, i) => `X-Pad-${i}: ${"h".repeat(1_000)}\r\n`).join("");
      socket.end(`HTTP/1.1 200 OK\r\n${headers}Content-Length: 2\r\n\r\nok`);
    },
    reason: "connection_reset",
  },
};

const TIMEOUT_MS = 1_500;
let ctx: TestContext;
const servers: net.Server[] = [];
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  servers.forEach((server) => server.close());
  await ctx.close();
});

async function hostileReceiver(behave: Behaviour): Promise<string> {
  const server = net.createServer((socket) => {
    socket.on("error", () => {});
    // Behave once the request has arrived, as a real server would.
    socket.once("data", () => behave(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`;
}

describe("fault: hostile receivers", () => {
  it.each(Object.keys(BEHAVIOURS))("a receiver that sends %s", async (name) => {
    const { behave, reason } = BEHAVIOURS[name];
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, await hostileReceiver(behave));
    for (let i = 0; i < 3; i++) await sendEvent(ctx, orgId);
    const test = createTestDispatcher(ctx, { timeoutMs: TIMEOUT_MS, retryScheduleMs: [60_000] });
    try {
      const started = await test.dispatcher.runUntilIdle();
      expect(started).toBe(3);
      expect(test.dispatcher.inFlight).toBe(0);
      const { rows } = await ctx.db.pool.query<{
        status: string;
        next_attempt_at: Date | null;
        reason: string;
        duration_ms: number;
        lease_owner: string | null;
      }>(
        `SELECT d.status, d.next_attempt_at, d.lease_owner, a.reason, a.duration_ms
           FROM deliveries d JOIN delivery_attempts a ON a.delivery_id = d.id WHERE d.webhook_id = $1`,
        [hook.id],
      );
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.status).toBe(reason === null ? "succeeded" : "retrying");
        expect(row.next_attempt_at === null).toBe(reason === null);
        expect(row.lease_owner).toBeNull();
        expect(row.reason).toBe(reason);
        // The whole exchange is bounded by the timeout (and a little scheduling slack).
        expect(row.duration_ms).toBeLessThanOrEqual(TIMEOUT_MS + 1_000);
      }
    } finally {
      await test.close();
    }
  });
});
