import { createHmac } from "node:crypto";
import { systemCaller } from "../auth/caller";
import type { IncomingHttpHeaders } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWebhook, createTestDispatcher, sendEvent, type TestDispatcher } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { rotateSigningSecret } from "./rotate-secret";
import { getSigningInfo } from "./signing-info";
import { generateSigningSecret } from "./secret";
import { signPayload } from "./sign";
import { verifyNovaVmsSignature } from "./verify";

describe("signatures", () => {
  const body = Buffer.from(
    '{"id":"evt_1","type":"camera.offline","created_at":"2026-01-01T00:00:00.000Z","data":{"name":"Lobby ü"}}',
  );

  it("X-NovaVMS-Signature is sha256=<hex HMAC-SHA256 of the raw body> keyed with the secret string", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = signPayload({ secrets: [secret], body, messageId: "dlv_1", timestamp: new Date() });
    const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex");
    expect(headers["X-NovaVMS-Signature"]).toBe(`sha256=${expected}`);
    expect(verifyNovaVmsSignature(body, headers["X-NovaVMS-Signature"], secret)).toBe(true);
    // A re-serialised body (here with other whitespace) is not what was signed.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyNovaVmsSignature(reserialised, headers["X-NovaVMS-Signature"], secret)).toBe(false);
    expect(
      verifyNovaVmsSignature(Buffer.concat([body, Buffer.from(" ")]), headers["X-NovaVMS-Signature"], secret),
    ).toBe(false);
    expect(verifyNovaVmsSignature(body, headers["X-NovaVMS-Signature"], generateSigningSecret())).toBe(false);
    expect(verifyNovaVmsSignature(body, "sha256=zz", secret)).toBe(false);
    expect(verifyNovaVmsSignature(body, null, secret)).toBe(false);
  });

  it("the Standard Webhooks headers verify with the standardwebhooks library", () => {
    const secret = generateSigningSecret();
    const headers = signPayload({ secrets: [secret], body, messageId: "dlv_2", timestamp: new Date() });
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(Buffer.concat([body, Buffer.from("x")]), headers)).toThrow();
  });

  it("signs with every valid secret, newest first, in both schemes", () => {
    const [newer, older] = [generateSigningSecret(), generateSigningSecret()];
    const headers = signPayload({ secrets: [newer, older], body, messageId: "dlv_3", timestamp: new Date() });
    expect(headers["X-NovaVMS-Signature"].split(",")).toHaveLength(2);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [newer, older]) {
      expect(verifyNovaVmsSignature(body, headers["X-NovaVMS-Signature"], secret)).toBe(true);
      expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    }
    expect(headers["X-NovaVMS-Signature"].split(",")[0]).toBe(
      signPayload({ secrets: [newer], body, messageId: "dlv_3", timestamp: new Date() })["X-NovaVMS-Signature"],
    );
  });
});

describe("a receiver verifies real deliveries across a secret rotation", () => {
  let ctx: TestContext;
  let receiver: Receiver;
  let test: TestDispatcher;
  const received: Array<{ body: Buffer; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    receiver = await startReceiver((req, res, body) => {
      received.push({ body, headers: req.headers });
      res.writeHead(200).end();
    });
    test = createTestDispatcher(ctx);
  });
  afterAll(async () => {
    await test.close();
    await receiver.close();
    await ctx.close();
  });
  beforeEach(() => void received.splice(0));

  /** Sends one event and delivers it at `now` (the dispatcher's clock; the real time by default). */
  async function deliverOne(orgId: string, now?: Date) {
    await sendEvent(ctx, orgId, "recording.ready", { recording_id: "rec_1", note: "naïve — 日本" }, now);
    test.clock.now = now;
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      test.clock.now = undefined;
    }
    expect(received).toHaveLength(1);
    return received.splice(0)[0];
  }

  function verifies(delivery: { body: Buffer; headers: IncomingHttpHeaders }, secret: string) {
    const plain = verifyNovaVmsSignature(delivery.body, delivery.headers["x-novavms-signature"] as string, secret);
    let standard = true;
    try {
      new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
    } catch {
      standard = false;
    }
    return { plain, standard };
  }

  it("verifies before, during and after the grace period, and the old secret stops verifying after it", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/verify`);
    const oldSecret = (await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id)).secret;

    // On the dispatcher's clock, near the real time (Standard Webhooks refuses timestamps more
    // than 5 minutes away): the grace period ends at exactly rotatedAt + 60 s.
    const rotatedAt = new Date(Date.now() - 30_000);
    const second = (s: number) => new Date(rotatedAt.getTime() + s * 1000);
    const before = await deliverOne(orgId, second(-1));
    expect(verifies(before, oldSecret)).toEqual({ plain: true, standard: true });
    expect(before.headers["x-novavms-signature"]).not.toContain(",");

    const rotated = await rotateSigningSecret({ ...ctx, now: () => rotatedAt }, systemCaller(orgId), {
      webhookId: webhook.id,
      graceSeconds: 60,
    });
    const newSecret = rotated.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.previous).toHaveLength(1);

    for (const during of [await deliverOne(orgId, second(0)), await deliverOne(orgId, second(59.999))]) {
      expect(during.headers["x-novavms-signature"]).toContain(",");
      expect(verifies(during, newSecret)).toEqual({ plain: true, standard: true });
      expect(verifies(during, oldSecret)).toEqual({ plain: true, standard: true });
    }

    const after = await deliverOne(orgId, second(60));
    expect(verifies(after, newSecret)).toEqual({ plain: true, standard: true });
    expect(verifies(after, oldSecret)).toEqual({ plain: false, standard: false });
    expect((await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id, second(60))).previous).toEqual([]);
  });

  it("a rotation with no grace period retires the old secret at once", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/now`);
    const oldSecret = (await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id)).secret;
    const { secret } = await rotateSigningSecret(ctx, systemCaller(orgId), { webhookId: webhook.id, graceSeconds: 0 });
    const delivery = await deliverOne(orgId);
    expect(verifies(delivery, secret)).toEqual({ plain: true, standard: true });
    expect(verifies(delivery, oldSecret)).toEqual({ plain: false, standard: false });
  });

  it("sends the raw event bytes with every header of the contract", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/headers`);
    const { id: eventId, deliveries } = await sendEvent(ctx, orgId, "camera.offline", { camera_id: "cam_7" });
    await test.dispatcher.runUntilIdle();
    const [delivery] = received;
    const stored = await ctx.db.prisma.event.findUniqueOrThrow({ where: { id: eventId } });
    expect(delivery.body.equals(Buffer.from(stored.body))).toBe(true);
    expect(JSON.parse(delivery.body.toString())).toEqual({
      id: eventId,
      type: "camera.offline",
      created_at: expect.any(String),
      data: { camera_id: "cam_7" },
    });
    const attempt = await ctx.db.prisma.deliveryAttempt.findFirstOrThrow({ where: { deliveryId: deliveries[0].id } });
    expect(delivery.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": expect.stringMatching(/^NovaVMS-Webhooks\/\d+\.\d+\.\d+$/),
      "x-novavms-event": "camera.offline",
      "x-novavms-delivery": deliveries[0].id,
      "x-novavms-request-id": attempt.requestId,
      "webhook-id": deliveries[0].id,
      "webhook-timestamp": expect.stringMatching(/^\d{10}$/),
    });
    expect(Math.abs(Number(delivery.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(10);
    expect(webhook.id).toBe(deliveries[0].webhook_id);
  });
});
