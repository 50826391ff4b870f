import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getTestCertificates, type KeyPair } from "../testing/certificates";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createSender, type Sender } from "./send";

// TLS against receivers with certificates from a throwaway CA. The CA is trusted the way an admin
// would trust one, through SSL_CERT_FILE or SSL_CERT_DIR, which the sender reads when created.

const certificates = getTestCertificates();
const request = { headers: { "Content-Type": "application/json" }, body: Buffer.from("{}") };

let tempDir: string;
let caFile: string;
const receivers: Receiver[] = [];
const senders: Sender[] = [];

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-tls-"));
  caFile = path.join(tempDir, "test-ca.pem");
  fs.writeFileSync(caFile, certificates.caCert);
});
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([...receivers.splice(0).map((r) => r.close()), ...senders.splice(0).map((s) => s.close())]);
});

/** A sender created under the given CA variables (unset when not given). */
function senderWith(env: { SSL_CERT_FILE?: string; SSL_CERT_DIR?: string }): Sender {
  vi.stubEnv("SSL_CERT_FILE", env.SSL_CERT_FILE);
  vi.stubEnv("SSL_CERT_DIR", env.SSL_CERT_DIR);
  const sender = createSender({ timeoutMs: 3000, allowPrivateNetworks: true });
  senders.push(sender);
  return sender;
}

async function tlsReceiver(keyPair: KeyPair): Promise<Receiver> {
  const receiver = await startReceiver((_req, res) => res.end("secure"), { tls: keyPair });
  receivers.push(receiver);
  return receiver;
}

describe("send over HTTPS", () => {
  it("trusts a CA given in SSL_CERT_FILE, and sends the URL's host name as SNI", async () => {
    const r = await tlsReceiver(certificates.localhost);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({ url: `${r.origin}/hooks`, ...request });
    expect(result.failure).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.body?.toString()).toBe("secure");
    expect(r.origin).toMatch(/^https:\/\/localhost:/);
    expect(r.serverNames).toEqual(["localhost"]);
  });

  it("does not trust the same CA when neither variable names it (the system store does not hold it)", async () => {
    const r = await tlsReceiver(certificates.localhost);
    const result = await senderWith({}).send({ url: r.origin, ...request });
    expect(result.ok).toBe(false);
    expect(result.status).toBeNull();
    expect(result.failure?.reason).toBe("tls_unknown_ca");
    expect(result.failure?.message).toBe(
      "The TLS certificate of localhost is not issued by a trusted certificate authority, or the server does not send its intermediate certificates.",
    );
    expect(r.requests).toHaveLength(0);
  });

  it("trusts a CA found in an SSL_CERT_DIR directory", async () => {
    const dir = fs.mkdtempSync(path.join(tempDir, "certs-"));
    fs.writeFileSync(path.join(dir, "novavms-test-ca.pem"), certificates.caCert);
    const r = await tlsReceiver(certificates.localhost);
    const result = await senderWith({ SSL_CERT_DIR: `/nonexistent${path.delimiter}${dir}` }).send({
      url: r.origin,
      ...request,
    });
    expect(result.ok).toBe(true);
  });

  it("reports a self-signed certificate as tls_self_signed", async () => {
    const r = await tlsReceiver(certificates.selfSigned);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({ url: r.origin, ...request });
    expect(result.failure).toEqual({
      reason: "tls_self_signed",
      message: "localhost presented a self-signed TLS certificate, which is not trusted.",
    });
    expect(r.requests).toHaveLength(0);
  });

  it("reports an expired certificate as tls_certificate_expired", async () => {
    const r = await tlsReceiver(certificates.expired);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({ url: r.origin, ...request });
    expect(result.failure).toEqual({
      reason: "tls_certificate_expired",
      message: "The TLS certificate of localhost has expired.",
    });
    expect(r.requests).toHaveLength(0);
  });

  it("reports a certificate for another name as tls_hostname_mismatch", async () => {
    const r = await tlsReceiver(certificates.wrongHost);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({ url: r.origin, ...request });
    expect(result.failure).toEqual({
      reason: "tls_hostname_mismatch",
      message: "The TLS certificate presented by localhost is not valid for the name localhost.",
    });
    expect(r.requests).toHaveLength(0);
  });

  it("verifies a literal IP against the certificate's IP addresses, sending no SNI (none is allowed for an IP)", async () => {
    const r = await tlsReceiver(certificates.localhost);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({
      url: `https://127.0.0.1:${r.port}/`,
      ...request,
    });
    expect(result.ok).toBe(true);
    expect(r.serverNames).toEqual([false]);
  });

  it("reports a plain-HTTP server behind an https:// URL as tls_handshake", async () => {
    const plain = await startReceiver((_req, res) => res.end("plain"));
    receivers.push(plain);
    const result = await senderWith({ SSL_CERT_FILE: caFile }).send({
      url: `https://127.0.0.1:${plain.port}/`,
      ...request,
    });
    expect(result.failure?.reason).toBe("tls_handshake");
    expect(result.failure?.message).toMatch(/^The TLS handshake with 127\.0\.0\.1 failed: /);
  });
});
