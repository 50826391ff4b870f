import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FAILURE_REASONS } from "../failures/reasons";
import { createSender, type Sender } from "../transport/send";
import type { Resolver } from "../transport/ssrf";
import { systemCaller } from "../auth/caller";
import { getTestCertificates, type KeyPair } from "../testing/certificates";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { findClosedPort, startReceiver, type Handler, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { checkEndpoint, type CheckDeps } from "./run-check";
import type { CheckResult } from "./types";

// Check endpoint against real loopback receivers. The delivery budget is 2 s here instead of 10 s
// (NOVAVMS_DELIVERY_TIMEOUT_MS does the same in the app); the warning comes at half of it, as 5 s
// does of 10 s, so the 6 s and 11 s receivers of the article become 1.2 s and 2.2 s.

const TIMEOUT_MS = 2_000;
const certificates = getTestCertificates();
let ctx: TestContext;
let orgId: string;
let tempDir: string;
let sender: Sender;
const receivers: Receiver[] = [];

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-check-"));
  const caFile = path.join(tempDir, "test-ca.pem");
  fs.writeFileSync(caFile, certificates.caCert);
  // The check and the sender both read the trust store from SSL_CERT_FILE, as in production.
  vi.stubEnv("SSL_CERT_FILE", caFile);
  sender = createSender({ timeoutMs: TIMEOUT_MS, allowPrivateNetworks: true });
  ctx = await createTestContext();
  ({ orgId } = await createTestOrg(ctx.db, ctx.cipher));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([...receivers.map((r) => r.close()), sender.close(), ctx.close()]);
  fs.rmSync(tempDir, { recursive: true, force: true });
});

type Overrides = { certWarningDays?: number; allowPrivateNetworks?: boolean; resolve?: Resolver };

function deps(overrides: Overrides = {}): CheckDeps {
  return {
    ...ctx,
    send: sender.send,
    config: {
      deliveryTimeoutMs: TIMEOUT_MS,
      allowPrivateNetworks: overrides.allowPrivateNetworks ?? true,
      certWarningDays: overrides.certWarningDays ?? 14,
    },
    resolve: overrides.resolve,
  };
}

async function receiver(handler: Handler, tls?: KeyPair): Promise<Receiver> {
  const r = await startReceiver(handler, tls ? { tls } : {});
  receivers.push(r);
  return r;
}

async function check(url: string, overrides: Overrides = {}) {
  const webhook = await addWebhook(ctx, orgId, url);
  const result = await checkEndpoint(deps(overrides), systemCaller(orgId), { webhookId: webhook.id });
  return { webhook, result };
}

function step(result: CheckResult, name: string) {
  const found = result.steps.find((s) => s.name === name);
  if (!found) throw new Error(`no ${name} step`);
  return found;
}

describe("Check endpoint", () => {
  it("passes every step of a healthy HTTPS endpoint, with the certificate chain, SNI and a recorded attempt", async () => {
    const r = await receiver(
      (_req, res) => res.writeHead(200, { "x-request-id": "their-42" }).end("ok"),
      certificates.localhost,
    );
    const { webhook, result } = await check(`${r.origin}/hooks`);
    expect(result.verdict).toBe("ok");
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ["dns", "ok"],
      ["tcp", "ok"],
      ["tls", "ok"],
      ["http", "ok"],
    ]);
    expect(step(result, "dns").detail.addresses).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: "127.0.0.1", allowed: true, range: "loopback" })]),
    );
    const tls = step(result, "tls").detail;
    expect(tls).toMatchObject({ sni: "localhost", hostname_matches: true, trusted: true, verification_error: null });
    expect(tls.protocol).toMatch(/^TLSv1\.[23]$/);
    const chain = tls.chain as Array<Record<string, unknown>>;
    expect(chain[0]).toMatchObject({ subject: "CN=localhost", issuer: "CN=NovaVMS Test CA", days_left: 29 });
    expect(chain[0].subject_alt_names).toEqual(["DNS:localhost", "IP Address:127.0.0.1"]);
    const http = step(result, "http").detail;
    expect(http).toMatchObject({ status: 200, body: "ok", budget_ms: TIMEOUT_MS, receiver_request_id: "their-42" });
    expect(http.first_byte_ms).toEqual(expect.any(Number));
    expect(r.serverNames).toContain("localhost");

    // The HTTP step is a real attempt, signed, in the log with trigger `check`, and settles its delivery.
    const attempt = await ctx.db.prisma.deliveryAttempt.findUniqueOrThrow({
      where: { requestId: result.request_id },
      include: { delivery: true },
    });
    expect(attempt).toMatchObject({
      id: result.attempt_id,
      trigger: "check",
      webhookId: webhook.id,
      responseStatus: 200,
    });
    expect(attempt.delivery).toMatchObject({ eventType: "webhook.test", status: "succeeded", nextAttemptAt: null });
    expect(r.requests.at(-1)?.rawHeaders).toContain("X-NovaVMS-Signature");

    // Kept as the webhook's last check, with the certificate it saw.
    const stored = await ctx.db.prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(stored.lastCheck).toEqual(result);
    expect(stored.certificateIssuer).toBe("CN=NovaVMS Test CA");
    expect(stored.certificateExpiresAt?.toISOString()).toBe(chain[0].valid_to);
  });

  it("warns when the certificate expires within the warning days", async () => {
    const r = await receiver((_req, res) => res.end("ok"), certificates.localhost);
    const { result } = await check(r.origin, { certWarningDays: 45 });
    expect(result.verdict).toBe("warning");
    const tls = step(result, "tls");
    expect(tls.status).toBe("warning");
    expect(tls.cause).toMatch(
      /^The certificate of localhost expires in 29 days \(on \d{4}-\d\d-\d\d\)\. Deliveries will fail with tls_certificate_expired after that\.$/,
    );
    expect(step(result, "http").status).toBe("ok");
  });

  it("fails an expired certificate, saying when it expired, and sends no event", async () => {
    const r = await receiver((_req, res) => res.end("ok"), certificates.expired);
    const { result } = await check(r.origin);
    expect(result.verdict).toBe("failing");
    const tls = step(result, "tls");
    expect(tls).toMatchObject({ status: "failed", reason: "tls_certificate_expired" });
    expect(tls.cause).toMatch(
      /^The TLS certificate of localhost has expired\. It expired on \d{4}-\d\d-\d\d \(1 day ago\)\.$/,
    );
    expect(tls.fix).toEqual(FAILURE_REASONS.tls_certificate_expired.advice);
    expect(step(result, "http").status).toBe("skipped");
    expect(result.attempt_id).toBeUndefined();
    expect(r.requests).toHaveLength(0);
  });

  it("fails a self-signed certificate", async () => {
    const r = await receiver((_req, res) => res.end("ok"), certificates.selfSigned);
    const { result } = await check(r.origin);
    const tls = step(result, "tls");
    expect(tls).toMatchObject({
      status: "failed",
      reason: "tls_self_signed",
      cause: "localhost presented a self-signed TLS certificate, which is not trusted.",
    });
    expect(tls.detail).toMatchObject({ trusted: false, verification_error: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(tls.fix?.[0]).toBe("NovaVMS uses the system CA bundle — self-signed certs are rejected.");
  });

  it("fails a certificate for another host name, naming the names it holds", async () => {
    const r = await receiver((_req, res) => res.end("ok"), certificates.wrongHost);
    const { result } = await check(r.origin);
    const tls = step(result, "tls");
    expect(tls).toMatchObject({ status: "failed", reason: "tls_hostname_mismatch" });
    expect(tls.detail).toMatchObject({ hostname_matches: false, trusted: true });
    expect(tls.cause).toBe(
      "The TLS certificate presented by localhost is not valid for the name localhost; it names DNS:wrong.example.",
    );
    expect(tls.fix).toContain("Confirm SNI is correctly configured if you host multiple domains on one IP.");
  });

  it("warns about an endpoint that answers after more than half the budget (6 s of 10 s)", async () => {
    const r = await receiver((_req, res) => setTimeout(() => res.end("slow"), 1_200));
    const { result } = await check(r.origin);
    expect(result.verdict).toBe("warning");
    const http = step(result, "http");
    expect(http).toMatchObject({ status: "warning", reason: "timeout" });
    expect(http.cause).toMatch(/^Your endpoint answered in 1\.\d s, close to the 2\.0 s limit/);
    expect(http.fix).toEqual(FAILURE_REASONS.timeout.advice);
    expect(step(result, "tls").status).toBe("skipped");
  });

  it("fails an endpoint that answers after the budget (11 s of 10 s), closing at the limit", async () => {
    const r = await receiver((_req, res) => setTimeout(() => res.end("late"), 2_200));
    const { result } = await check(r.origin);
    expect(result.verdict).toBe("failing");
    const http = step(result, "http");
    expect(http).toMatchObject({ status: "failed", reason: "timeout" });
    expect(http.duration_ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(http.cause).toBe("No response within 2 s; NovaVMS closed the connection. The limit is 2.0 s.");
    const attempt = await ctx.db.prisma.deliveryAttempt.findUniqueOrThrow({ where: { requestId: result.request_id } });
    expect(attempt).toMatchObject({ trigger: "check", reason: "timeout" });
  });

  it("fails a 500 with the body it returned", async () => {
    const r = await receiver((_req, res) => res.writeHead(500).end("database is down"));
    const { result } = await check(r.origin);
    const http = step(result, "http");
    expect(http).toMatchObject({ status: "failed", reason: "http_status", cause: "Your endpoint returned HTTP 500." });
    expect(http.detail).toMatchObject({ status: 500, body: "database is down" });
    expect(http.fix).toEqual(FAILURE_REASONS.http_status.advice);
  });

  it("points a 401 at the signing secret, not the API token", async () => {
    const r = await receiver((_req, res) => res.writeHead(401).end("bad signature"));
    const { result } = await check(r.origin);
    const http = step(result, "http");
    expect(http).toMatchObject({ status: "failed", reason: "http_status" });
    expect(http.cause).toContain("HTTP 401");
    expect(http.fix?.[0]).toContain("the shared secret from the webhook's Signing tab, not the org's API token");
  });

  it("says a 302 is not followed, and where it pointed", async () => {
    const r = await receiver((_req, res) => res.writeHead(302, { location: "https://example.com/new-hooks" }).end());
    const { result } = await check(r.origin);
    const http = step(result, "http");
    expect(http).toMatchObject({ status: "failed", reason: "http_status" });
    expect(http.cause).toBe(
      "Your endpoint answered HTTP 302, a redirect to https://example.com/new-hooks. Redirects are not followed, so every delivery fails.",
    );
    expect(http.fix?.[0]).toBe("Set the webhook URL to the address it redirects to (https://example.com/new-hooks).");
    expect(http.detail.location).toBe("https://example.com/new-hooks");
  });

  it("fails at TCP when the port is refused", async () => {
    const port = await findClosedPort();
    const { result } = await check(`http://127.0.0.1:${port}/hooks`);
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ["dns", "ok"],
      ["tcp", "failed"],
      ["tls", "skipped"],
      ["http", "skipped"],
    ]);
    expect(step(result, "tcp")).toMatchObject({
      reason: "connection_refused",
      cause: `127.0.0.1 refused the connection on port ${port}.`,
      fix: FAILURE_REASONS.connection_refused.advice,
    });
  });

  it("refuses a name that resolves to a private address, listing every address with its verdict", async () => {
    const resolve: Resolver = (_host, _options, callback) =>
      callback(null, [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ]);
    const { result, webhook } = await check("https://internal.example/hooks", { resolve, allowPrivateNetworks: false });
    expect(result.verdict).toBe("failing");
    const dns = step(result, "dns");
    expect(dns).toMatchObject({ status: "failed", reason: "destination_blocked" });
    expect(dns.detail.addresses).toEqual([
      { address: "93.184.216.34", family: 4, allowed: true },
      { address: "10.0.0.5", family: 4, allowed: false, range: "private" },
    ]);
    expect(dns.cause).toBe(
      "internal.example resolves to 10.0.0.5: 10.0.0.5 is not a public address (private); NovaVMS only delivers to public internet addresses.",
    );
    expect(result.steps.slice(1).map((s) => s.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(await ctx.db.prisma.delivery.count({ where: { webhookId: webhook.id } })).toBe(0);
  });

  it("is not found for another org's webhook", async () => {
    const other = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, other.orgId, "https://example.com/hooks");
    await expect(checkEndpoint(deps(), systemCaller(orgId), { webhookId: webhook.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
