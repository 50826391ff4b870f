import { systemCaller } from "../auth/caller";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecovery } from "../recovery/create";
import { createRecoveryRunner } from "../recovery/runner";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { startSmtpServer, type TestSmtpServer } from "../testing/smtp-server";
import { seedFailedDeliveries } from "../testing/recovery-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { getSigningInfo } from "../signing/signing-info";
import { createAlertDestination } from "./destinations";
import { configureAlertEmail } from "./email";
import { noteDeliveryExhausted } from "./exhausted";
import { announceRecoveryCompleted } from "./recovery-completed";

// Alerts: operational events signed like deliveries (verified with the standardwebhooks library)
// reach the org's alert destination through the same dispatcher, never the webhook that caused
// them, and email reaches the admins through a real SMTP server on loopback.

let ctx: TestContext;
let receiver: Receiver;
let smtp: TestSmtpServer;
let mails: TestSmtpServer["mails"];

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((req, res) => res.writeHead(/\/gone$/.test(req.url ?? "") ? 410 : 200).end("ok"));
  smtp = await startSmtpServer();
  mails = smtp.mails;
  configureAlertEmail({
    smtpUrl: smtp.url,
    from: "alerts@novavms.test",
    consoleUrl: "https://console.test",
  });
});
afterAll(async () => {
  configureAlertEmail(null);
  await smtp.close();
  await receiver.close();
  await ctx.close();
});

type Alert = { type: string; data: Record<string, unknown> };

let destinations = 0;

async function setUp() {
  const path = `/alerts-${++destinations}`;
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const admin = await createTestUser(ctx.db, orgId, "admin");
  await createTestUser(ctx.db, orgId, "viewer");
  const destination = await createAlertDestination(ctx, systemCaller(orgId), { url: `${receiver.origin}${path}` });
  const secret = (await getSigningInfo(ctx.db, ctx.cipher, orgId, destination.id)).secret;
  return { orgId, admin, destination, secret, path };
}

/** The alerts the destination received, each verified as Standard Webhooks. */
function receivedAlerts(secret: string, path: string): Alert[] {
  return receiver.requests
    .filter((r) => r.path === path)
    .map((r) => {
      const headers: Record<string, string> = {};
      for (let i = 0; i < r.rawHeaders.length; i += 2) headers[r.rawHeaders[i].toLowerCase()] = r.rawHeaders[i + 1];
      return new Webhook(secret).verify(r.body.toString("utf8"), headers) as Alert;
    });
}

describe("alerts", () => {
  it("sends endpoint.disabled, signed, to the alert destination and by email to the admins", async () => {
    const { orgId, admin, destination, secret, path } = await setUp();
    const gone = await addWebhook(ctx, orgId, `${receiver.origin}/gone`);
    const { deliveries } = await sendEvent(ctx, orgId);
    // The org's own events never go to the alert destination.
    expect(deliveries.map((d) => d.webhook_id)).toEqual([gone.id]);
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }
    const alerts = receivedAlerts(secret, path);
    expect(alerts).toEqual([
      {
        type: "endpoint.disabled",
        id: expect.any(String),
        created_at: expect.any(String),
        data: { webhook_id: gone.id, url: `${receiver.origin}/gone`, reason: "gone", disabled_at: expect.any(String) },
      },
    ]);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify("{}", {})).toThrow();
    const logged = await ctx.db.prisma.delivery.findMany({ where: { webhookId: destination.id } });
    expect(logged.map((d) => [d.eventType, d.status])).toEqual([["endpoint.disabled", "succeeded"]]);

    await expect.poll(() => mails.filter((m) => m.to.includes(admin.email)).length, { timeout: 10_000 }).toBe(1);
    const mail = mails.find((m) => m.to.includes(admin.email))!;
    expect(mail.to).toEqual([admin.email]);
    expect(mail.data).toMatch(/Subject: NovaVMS: Webhook disabled/);
    expect(mail.data).toContain(`https://console.test/webhooks/${gone.id}`);
  });

  it("batches delivery.exhausted: at most one per webhook per 15 minutes, with the count", async () => {
    const { orgId, destination } = await setUp();
    const failing = await addWebhook(ctx, orgId, `${receiver.origin}/x`);
    const t0 = new Date("2026-07-01T00:00:00Z");
    const counts = [];
    for (const minutes of [0, 1, 2, 14, 16, 17]) {
      counts.push(
        await noteDeliveryExhausted(ctx.db, {
          orgId,
          webhookId: failing.id,
          at: new Date(t0.getTime() + minutes * 60_000),
        }),
      );
    }
    // Reported at 0 (1) and at 16 (1 + the 3 held back at 1, 2 and 14); 17 waits for the next window.
    expect(counts).toEqual([1, 0, 0, 0, 4, 0]);
    const events = await ctx.db.prisma.delivery.findMany({
      where: { webhookId: destination.id },
      include: { event: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((d) => JSON.parse(Buffer.from(d.event.body).toString("utf8")).data.count)).toEqual([1, 4]);
    expect(await ctx.db.prisma.delivery.count({ where: { webhookId: failing.id } })).toBe(0);
  });

  it("sends recovery.completed with the outcome when a recovery finishes", async () => {
    const { orgId, secret, path } = await setUp();
    const { webhookIds } = await seedFailedDeliveries(ctx, orgId, { urls: [`${receiver.origin}/back`], events: 5 });
    const created = await createRecovery(ctx, systemCaller(orgId), {
      since: new Date(0),
      statuses: ["failed"],
      dry_run: false,
    });
    const runner = createRecoveryRunner({
      db: ctx.db,
      cipher: ctx.cipher,
      send: (await import("../transport/send")).createSender({ timeoutMs: 5_000, allowPrivateNetworks: true }).send,
      log: ctx.log,
      concurrency: 4,
      endpointConcurrency: 2,
      leaseMs: 60_000,
      onCompleted: (recovery) => announceRecoveryCompleted(ctx.db, recovery),
    });
    await runner.runUntilIdle();
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }
    const completed = receivedAlerts(secret, path).filter((a) => a.type === "recovery.completed");
    expect(completed.map((a) => a.data)).toContainEqual(
      expect.objectContaining({
        recovery_id: created.dryRun ? "" : created.recovery.id,
        webhook_id: null,
        total: 5,
        succeeded: 5,
        failed: 0,
      }),
    );
    expect(webhookIds).toHaveLength(1);
  });
});
