import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemCaller } from "../auth/caller";
import { createAlertDestination } from "../alerts/destinations";
import { configureAlertEmail } from "../alerts/email";
import { getSigningInfo } from "../signing/signing-info";
import { getTestCertificates } from "../testing/certificates";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { startSmtpServer, type TestSmtpServer } from "../testing/smtp-server";
import { createTestContext, type TestContext } from "../testing/test-database";
import { raiseCertificateAlerts } from "./expiry-alert";
import { recordSeenCertificates } from "./record-certificate";

// endpoint.certificate_expiring: an HTTPS endpoint whose certificate (seen by a real attempt)
// expires within the warning days raises an alert on the org's alert destinations, signed like a
// delivery, and by email to the admins; at most once per webhook per certificate per day.

const DAY = 24 * 60 * 60_000;
const certificates = getTestCertificates();
let ctx: TestContext;
let endpoint: Receiver;
let destinations: Receiver;
let smtp: TestSmtpServer;
let tempDir: string;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-cert-alert-"));
  const caFile = path.join(tempDir, "ca.pem");
  fs.writeFileSync(caFile, certificates.caCert);
  vi.stubEnv("SSL_CERT_FILE", caFile);
  endpoint = await startReceiver((_req, res) => res.end("ok"), { tls: certificates.expiringSoon });
  destinations = await startReceiver((_req, res) => res.end("ok"));
  smtp = await startSmtpServer();
  configureAlertEmail({ smtpUrl: smtp.url, from: "alerts@novavms.test", consoleUrl: "https://console.test" });
  ctx = await createTestContext();
});
afterAll(async () => {
  configureAlertEmail(null);
  vi.unstubAllEnvs();
  await Promise.all([endpoint.close(), destinations.close(), smtp.close(), ctx.close()]);
  fs.rmSync(tempDir, { recursive: true, force: true });
});

let orgs = 0;

/** An org with an admin, an alert destination, and an HTTPS webhook whose certificate an attempt recorded. */
async function setUp() {
  const alertsPath = `/alerts-${++orgs}`;
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const admin = await createTestUser(ctx.db, orgId, "admin");
  const destination = await createAlertDestination(ctx, systemCaller(orgId), {
    url: `${destinations.origin}${alertsPath}`,
  });
  const secret = (await getSigningInfo(ctx.db, ctx.cipher, orgId, destination.id)).secret;
  const webhook = await addWebhook(ctx, orgId, `${endpoint.origin}/hook-${orgs}`);
  await sendEvent(ctx, orgId);
  await deliverAll();
  const recorded = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
  return { orgId, admin, destination, secret, alertsPath, webhook: recorded };
}

async function deliverAll() {
  const test = createTestDispatcher(ctx);
  try {
    await test.dispatcher.runUntilIdle();
  } finally {
    await test.close();
  }
}

function alertsOf(destinationId: string) {
  return ctx.db.prisma.delivery.count({
    where: { webhookId: destinationId, eventType: "endpoint.certificate_expiring" },
  });
}

describe("certificate expiry alert", () => {
  it("sends endpoint.certificate_expiring, signed, to the alert destination and by email, once a day per certificate", async () => {
    const { admin, destination, secret, alertsPath, webhook } = await setUp();
    const expiresAt = webhook.certificateExpiresAt!;
    expect(expiresAt.getTime()).toBe(
      new Date(new (await import("node:crypto")).X509Certificate(certificates.expiringSoon.cert).validTo).getTime(),
    );
    const now = new Date();

    // 2 whole days left: not under a 2-day warning, under the default 14.
    expect(await raiseCertificateAlerts(ctx.db, { warningDays: 2, now })).not.toContain(webhook.id);
    expect(await raiseCertificateAlerts(ctx.db, { warningDays: 14, now })).toContain(webhook.id);
    await deliverAll();

    const received = destinations.requests.filter((r) => r.path === alertsPath);
    expect(received).toHaveLength(1);
    const headers: Record<string, string> = {};
    for (let i = 0; i < received[0].rawHeaders.length; i += 2) {
      headers[received[0].rawHeaders[i].toLowerCase()] = received[0].rawHeaders[i + 1];
    }
    const alert = new Webhook(secret).verify(received[0].body.toString("utf8"), headers);
    expect(alert).toEqual({
      id: expect.any(String),
      type: "endpoint.certificate_expiring",
      created_at: now.toISOString(),
      data: {
        webhook_id: webhook.id,
        url: webhook.url,
        host: "localhost",
        issuer: "CN=NovaVMS Test CA",
        expires_at: expiresAt.toISOString(),
        days_left: 2,
        message: `The certificate of localhost expires in 2 days (on ${expiresAt.toISOString().slice(0, 10)}). Deliveries will fail with tls_certificate_expired after that.`,
      },
    });
    // Never to the endpoint whose certificate it is.
    expect(endpoint.requests.filter((r) => r.body.includes("certificate_expiring"))).toEqual([]);

    await expect.poll(() => smtp.mails.filter((m) => m.to.includes(admin.email)).length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.mails.find((m) => m.to.includes(admin.email))!;
    expect(mail.data).toMatch(/Subject: NovaVMS: The certificate of localhost expires in 2 days/);
    expect(mail.data).toContain(`https://console.test/webhooks/${webhook.id}`);

    // The same certificate later that day: nothing; a day later: once more.
    expect(
      await raiseCertificateAlerts(ctx.db, { warningDays: 14, now: new Date(now.getTime() + 60 * 60_000) }),
    ).not.toContain(webhook.id);
    expect(
      await raiseCertificateAlerts(ctx.db, { warningDays: 14, now: new Date(now.getTime() + DAY - 1) }),
    ).not.toContain(webhook.id);
    expect(await raiseCertificateAlerts(ctx.db, { warningDays: 14, now: new Date(now.getTime() + DAY) })).toContain(
      webhook.id,
    );
    expect(await alertsOf(destination.id)).toBe(2);

    // Another certificate (renewed, still expiring soon) is reported at once, the same day.
    const renewed = { expiresAt: new Date(expiresAt.getTime() + 5 * DAY), issuer: "CN=NovaVMS Test CA" };
    const seenAt = new Date(now.getTime() + DAY + 60_000);
    await recordSeenCertificates(ctx.db, [
      { webhookId: webhook.id, result: { startedAt: seenAt, certificate: renewed } },
    ]);
    expect(await raiseCertificateAlerts(ctx.db, { warningDays: 14, now: seenAt })).toContain(webhook.id);
    expect(
      await raiseCertificateAlerts(ctx.db, { warningDays: 14, now: new Date(seenAt.getTime() + 60_000) }),
    ).not.toContain(webhook.id);
    expect(await alertsOf(destination.id)).toBe(3);
  });

  it("sends one alert when several workers run the pass at once, and none for a disabled webhook", async () => {
    const first = await setUp();
    const second = await setUp();
    await ctx.db.prisma.webhook.update({ where: { id: second.webhook.id }, data: { enabled: false } });
    const now = new Date(Date.now() + 10 * DAY);
    const passes = await Promise.all([1, 2, 3].map(() => raiseCertificateAlerts(ctx.db, { warningDays: 14, now })));
    expect(passes.flat().filter((id) => id === first.webhook.id)).toHaveLength(1);
    expect(passes.flat()).not.toContain(second.webhook.id);
    expect(await alertsOf(first.destination.id)).toBe(1);
    expect(await alertsOf(second.destination.id)).toBe(0);
  });
});
