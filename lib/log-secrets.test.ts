import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "./auth/caller";
import { setAppContext } from "./context";
import { createTestDispatcher } from "./testing/engine-fixtures";
import { createTestOrg } from "./testing/org-fixtures";
import { startReceiver, type Receiver } from "./testing/receivers";
import { routeFetch } from "./testing/route-fetch";
import { createTestContext, type TestContext } from "./testing/test-database";
import { revealSigningSecret } from "./webhooks/reveal-secret";

// A whole run at log level trace: an API token, webhooks and their secrets, a rotation, events,
// failed and successful attempts, a Replay, a reveal, refused requests. Then the log is searched
// for every secret, token and signature the run made: none may appear.

let ctx: TestContext;
let receiver: Receiver;
let status = 500;
let log = "";

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.log = pino(
    { level: "trace" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString("utf8");
        done();
      },
    }),
  );
  setAppContext(ctx);
  // Echoes the signature headers back, as a careless receiver might: the response body is stored,
  // and must still not reach a log line.
  receiver = await startReceiver((req, res) =>
    res.writeHead(status).end(JSON.stringify({ got: req.headers["x-novavms-signature"] })),
  );
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver.close();
  await ctx.close();
});

describe("logs", () => {
  it("never contain a secret, token or signature created during a full run", async () => {
    const org = await createTestOrg(ctx.db, ctx.cipher);
    const api = (method: string, path: string, body?: unknown, token = org.apiToken) =>
      routeFetch(
        new Request(`http://localhost/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    const hook = (await (await api("POST", "/webhooks", { url: `${receiver.origin}/h` })).json()) as { id: string };
    const first = (await (await api("GET", `/webhooks/${hook.id}/signing`)).json()) as { secret: string };
    const rotated = (await (await api("POST", `/webhooks/${hook.id}/signing/rotate`, {})).json()) as { secret: string };
    const sent = (await (await api("POST", "/events", { type: "camera.offline", data: { a: 1 } })).json()) as {
      deliveries: Array<{ id: string }>;
    };
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }
    status = 200;
    expect((await api("POST", `/deliveries/${sent.deliveries[0].id}/replay`)).status).toBe(200);
    await revealSigningSecret(ctx, systemCaller(org.orgId), { webhookId: hook.id });
    expect((await api("GET", "/webhooks", undefined, `${org.apiToken}x`)).status).toBe(401);
    expect((await api("POST", "/events", { type: "Bad" })).status).toBe(400);

    const { rows } = await ctx.db.pool.query<{ request_headers: Record<string, string> }>(
      `SELECT request_headers FROM delivery_attempts WHERE org_id = $1`,
      [org.orgId],
    );
    expect(rows.length).toBe(2);
    const secrets = [
      org.apiToken,
      first.secret,
      rotated.secret,
      ctx.encryptionKey,
      ...rows.flatMap((r) => [r.request_headers["X-NovaVMS-Signature"], r.request_headers["webhook-signature"]]),
      ...rows.flatMap((r) => r.request_headers["X-NovaVMS-Signature"].split(",").map((s) => s.trim().slice(7))),
    ];
    expect(secrets.every((s) => typeof s === "string" && s.length >= 20)).toBe(true);
    // The run did log (attempts at info and debug), so an empty log cannot pass for a clean one.
    expect(log).toContain("delivery attempt failed");
    expect(log).toContain(sent.deliveries[0].id);
    for (const secret of secrets) expect(log.includes(secret), `log contains ${secret.slice(0, 10)}…`).toBe(false);
  });
});
