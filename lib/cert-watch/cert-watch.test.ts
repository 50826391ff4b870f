import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSender, type Sender } from "../transport/send";
import { sendOneOffEvent } from "../endpoint-check/send-one-off";
import { getTestCertificates } from "../testing/certificates";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { systemCaller } from "../auth/caller";
import { certificateWarning, readCertificateWarnings } from "./expiry-warning";
import { recordSeenCertificates } from "./record-certificate";

// The certificate expiry watch: every HTTPS attempt carries the leaf certificate of its connection,
// and the attempt's own statement records it on the webhook only when it changed.

const certificates = getTestCertificates();
let ctx: TestContext;
let sender: Sender;
let receiver: Receiver;
let tempDir: string;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-cert-watch-"));
  const caFile = path.join(tempDir, "ca.pem");
  fs.writeFileSync(caFile, certificates.caCert);
  vi.stubEnv("SSL_CERT_FILE", caFile);
  sender = createSender({ timeoutMs: 3_000, allowPrivateNetworks: true });
  receiver = await startReceiver((_req, res) => res.end("ok"), { tls: certificates.localhost });
  ctx = await createTestContext();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([sender.close(), receiver.close(), ctx.close()]);
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function attempt(orgId: string, webhookId: string, now: Date) {
  const secrets = ["whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdHRlc3Q="];
  const sent = await sendOneOffEvent(
    { db: ctx.db, send: sender.send, now: () => now },
    { orgId, webhookId, url: receiver.origin, type: "webhook.test", data: {}, secrets, trigger: "check" },
  );
  expect(sent.result.ok).toBe(true);
  return ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhookId } });
}

describe("certificate expiry watch", () => {
  it("records the leaf certificate's expiry and issuer from an HTTPS attempt, and writes again only when it changes", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, receiver.origin);
    const first = await attempt(orgId, webhook.id, new Date());
    const leafExpiry = new Date(new (await import("node:crypto")).X509Certificate(certificates.localhost.cert).validTo);
    expect(first.certificateExpiresAt?.getTime()).toBe(leafExpiry.getTime());
    expect(first.certificateIssuer).toBe("CN=NovaVMS Test CA");
    expect(first.certificateCheckedAt).not.toBeNull();

    // The same certificate a minute later: no write, so checked_at stays when it was first seen.
    const second = await attempt(orgId, webhook.id, new Date(Date.now() + 60_000));
    expect(second.certificateCheckedAt).toEqual(first.certificateCheckedAt);

    // A renewed certificate (another expiry) is written again, with the time it was first seen.
    const renewedAt = new Date(Date.now() + 180_000);
    const renewed = { expiresAt: new Date(leafExpiry.getTime() + 90 * 86_400_000), issuer: "CN=NovaVMS Test CA" };
    await recordSeenCertificates(ctx.db, [
      { webhookId: webhook.id, result: { startedAt: renewedAt, certificate: renewed } },
    ]);
    const third = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(third.certificateExpiresAt).toEqual(renewed.expiresAt);
    expect(third.certificateCheckedAt).toEqual(renewedAt);
  });

  it("warns under NOVAVMS_CERT_WARNING_DAYS, with the host, the days left and the date", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, receiver.origin);
    await attempt(orgId, webhook.id, new Date());
    const stored = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    const now = new Date();
    // The test certificate is valid for 30 days: 29 whole days left.
    expect(certificateWarning(stored, { warningDays: 14, now })).toBeNull();
    const warning = certificateWarning(stored, { warningDays: 30, now });
    expect(warning?.text).toBe(
      `The certificate of localhost expires in 29 days (on ${stored.certificateExpiresAt!.toISOString().slice(0, 10)}). Deliveries will fail with tls_certificate_expired after that.`,
    );
    const inTwentyDays = new Date(now.getTime() + 20 * 86_400_000);
    expect(certificateWarning(stored, { warningDays: 14, now: inTwentyDays })?.daysLeft).toBe(9);
    const warnings = (orgOf: string, at: Date) =>
      readCertificateWarnings({ db: ctx.db, config: { certWarningDays: 14 }, now: () => at }, systemCaller(orgOf));
    expect(await warnings(orgId, now)).toEqual([]);
    expect((await warnings(orgId, inTwentyDays)).map((w) => w.webhookId)).toEqual([webhook.id]);
    const other = await createTestOrg(ctx.db, ctx.cipher);
    expect(await warnings(other.orgId, inTwentyDays)).toEqual([]);
  });
});
