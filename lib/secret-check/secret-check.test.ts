import type { IncomingMessage } from "node:http";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSender, type Sender } from "../transport/send";
import { verifyNovaVmsSignature } from "../signing/verify";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { rotateSigningSecret } from "../signing/rotate-secret";
import { getSigningInfo } from "../signing/signing-info";
import { loadValidSecrets } from "../signing/valid-secrets";
import { systemCaller } from "../auth/caller";
import { endGracePeriod } from "./end-grace-period";
import { verifyNewSecret } from "./verify-new-secret";

let ctx: TestContext;
let orgId: string;
let sender: Sender;
const receivers: Receiver[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ orgId } = await createTestOrg(ctx.db, ctx.cipher));
  sender = createSender({ timeoutMs: 3_000, allowPrivateNetworks: true });
});
afterAll(async () => {
  await Promise.all([...receivers.map((r) => r.close()), sender.close(), ctx.close()]);
});

/** A receiver that knows one secret and verifies both header schemes with it, as a customer's would. */
async function receiverKnowing(secret: () => string): Promise<Receiver> {
  const r = await startReceiver((req: IncomingMessage, res, body) => {
    const header = (name: string) => String(req.headers[name] ?? "");
    const novavms = verifyNovaVmsSignature(body, header("x-novavms-signature"), secret());
    let standard = true;
    try {
      new StandardWebhook(secret()).verify(body, {
        "webhook-id": header("webhook-id"),
        "webhook-timestamp": header("webhook-timestamp"),
        "webhook-signature": header("webhook-signature"),
      });
    } catch {
      standard = false;
    }
    res.writeHead(novavms && standard ? 200 : 401).end(novavms && standard ? "ok" : "bad signature");
  });
  receivers.push(r);
  return r;
}

async function webhookInRotation(url: string) {
  const webhook = await addWebhook(ctx, orgId, url);
  const oldSecret = (await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id)).secret;
  const rotated = await rotateSigningSecret(ctx, systemCaller(orgId), { webhookId: webhook.id, graceSeconds: 3_600 });
  return { webhook, oldSecret, newSecret: rotated.secret };
}

describe("Verify new secret", () => {
  it("is rejected by an endpoint that still knows only the previous secret", async () => {
    let known = "";
    const r = await receiverKnowing(() => known);
    const { webhook, oldSecret } = await webhookInRotation(r.origin);
    known = oldSecret;
    const verification = await verifyNewSecret({ ...ctx, send: sender.send }, systemCaller(orgId), {
      webhookId: webhook.id,
    });
    expect(verification).toMatchObject({ accepted: false, response_status: 401, reason: null });
    const attempt = await ctx.db.prisma.deliveryAttempt.findUniqueOrThrow({
      where: { requestId: verification.request_id },
      include: { delivery: true },
    });
    expect(attempt).toMatchObject({ trigger: "secret_check", responseStatus: 401 });
    expect(attempt.delivery).toMatchObject({
      eventType: "webhook.secret_check",
      status: "failed",
      nextAttemptAt: null,
    });
    // A scheduled delivery in the same grace period would still be accepted: it carries both signatures.
    expect(verifyNovaVmsSignature(r.requests[0].body, header(r, "X-NovaVMS-Signature"), oldSecret)).toBe(false);
  });

  it("is accepted by an endpoint that knows only the new secret, signed with it alone in both schemes", async () => {
    let known = "";
    const r = await receiverKnowing(() => known);
    const { webhook, newSecret } = await webhookInRotation(r.origin);
    known = newSecret;
    const verification = await verifyNewSecret({ ...ctx, send: sender.send }, systemCaller(orgId), {
      webhookId: webhook.id,
    });
    expect(verification).toMatchObject({ accepted: true, response_status: 200 });
    expect(header(r, "X-NovaVMS-Signature").split(",")).toHaveLength(1);
    expect(header(r, "webhook-signature").split(" ")).toHaveLength(1);
    expect(header(r, "X-NovaVMS-Event")).toBe("webhook.secret_check");
    const current = await ctx.db.prisma.signingSecret.findFirstOrThrow({
      where: { webhookId: webhook.id, expiresAt: null },
    });
    expect(current.verification).toEqual(verification);
  });

  it("is not found for another org's webhook", async () => {
    const other = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, other.orgId, "https://example.com/hooks");
    const deps = { ...ctx, send: sender.send };
    await expect(verifyNewSecret(deps, systemCaller(orgId), { webhookId: webhook.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(endGracePeriod(ctx, systemCaller(orgId), { webhookId: webhook.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("End grace period now", () => {
  it("leaves only the newest secret signing", async () => {
    const { webhook, newSecret } = await webhookInRotation("https://example.com/hooks");
    expect(await loadValidSecrets(ctx.db, ctx.cipher, orgId, webhook.id, new Date())).toHaveLength(2);
    const info = await endGracePeriod(ctx, systemCaller(orgId), { webhookId: webhook.id });
    expect(info).toMatchObject({ secret: newSecret, previous: [], expired: 1 });
    expect(await loadValidSecrets(ctx.db, ctx.cipher, orgId, webhook.id, new Date())).toEqual([newSecret]);
  });
});

describe("rotation caps every previous secret at now + grace", () => {
  it("an emergency rotation after a rotation with 1 h grace leaves only the newest secret signing", async () => {
    const webhook = await addWebhook(ctx, orgId, "https://example.com/hooks");
    const t0 = new Date(Date.now() + 60_000); // after the first secret was created
    const rotate = (graceSeconds: number, at: Date) =>
      rotateSigningSecret({ ...ctx, now: () => at }, systemCaller(orgId), { webhookId: webhook.id, graceSeconds });
    await rotate(3_600, t0);
    const emergency = new Date(t0.getTime() + 60_000);
    const newest = await rotate(0, emergency);
    const later = new Date(emergency.getTime() + 1);
    expect(await loadValidSecrets(ctx.db, ctx.cipher, orgId, webhook.id, later)).toEqual([newest.secret]);
    const expiries = await ctx.db.prisma.signingSecret.findMany({
      where: { webhookId: webhook.id },
      orderBy: { createdAt: "asc" },
      select: { expiresAt: true },
    });
    expect(expiries.map((s) => s.expiresAt?.getTime() ?? null)).toEqual([
      emergency.getTime(),
      emergency.getTime(),
      null,
    ]);
  });

  it("never extends a grace period already running", async () => {
    const webhook = await addWebhook(ctx, orgId, "https://example.com/hooks");
    const t0 = new Date(Date.now() + 60_000); // after the first secret was created
    const rotate = (graceSeconds: number, at: Date) =>
      rotateSigningSecret({ ...ctx, now: () => at }, systemCaller(orgId), { webhookId: webhook.id, graceSeconds });
    await rotate(3_600, t0);
    await rotate(7_200, new Date(t0.getTime() + 60_000));
    const expiries = await ctx.db.prisma.signingSecret.findMany({
      where: { webhookId: webhook.id },
      orderBy: { createdAt: "asc" },
      select: { expiresAt: true },
    });
    expect(expiries.map((s) => s.expiresAt?.getTime() ?? null)).toEqual([
      t0.getTime() + HOUR,
      t0.getTime() + 60_000 + 2 * HOUR,
      null,
    ]);
  });
});

function header(r: Receiver, name: string): string {
  const raw = r.requests.at(-1)!.rawHeaders;
  const index = raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name.toLowerCase());
  return index === -1 ? "" : raw[index + 1];
}
