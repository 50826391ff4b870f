import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTestCertificates } from "../testing/certificates";
import { loadTrustedCertificates } from "./trusted-cas";

// Which CA certificates a sender trusts, read the way OpenSSL reads them.

const { caCert, localhost } = getTestCertificates();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-cas-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

describe("loadTrustedCertificates", () => {
  it("reads exactly the certificates of SSL_CERT_FILE, skipping duplicates, text and malformed blocks", () => {
    const broken = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
    const file = write("bundle.pem", `# test bundle\n${caCert}\n${broken}${caCert}${localhost.cert}`);
    const loaded = loadTrustedCertificates({ SSL_CERT_FILE: file });
    expect(loaded).toEqual([caCert.trim(), localhost.cert.trim()]);
  });

  it("reads every file of every SSL_CERT_DIR directory", () => {
    write("a/ca.pem", caCert);
    write("b/leaf.crt", localhost.cert);
    write("b/readme.txt", "not a certificate");
    fs.mkdirSync(path.join(dir, "b/nested"), { recursive: true });
    const loaded = loadTrustedCertificates({
      SSL_CERT_DIR: [path.join(dir, "a"), path.join(dir, "b")].join(path.delimiter),
    });
    expect(loaded).toEqual([caCert.trim(), localhost.cert.trim()]);
  });

  it("uses SSL_CERT_FILE and SSL_CERT_DIR together, and nothing else, when either is set", () => {
    const file = write("only-ca.pem", caCert);
    const loaded = loadTrustedCertificates({ SSL_CERT_FILE: file, SSL_CERT_DIR: path.join(dir, "b") });
    expect(loaded).toEqual([caCert.trim(), localhost.cert.trim()]);
  });

  it("trusts nothing when the variables point at nothing, rather than falling back to another list", () => {
    expect(loadTrustedCertificates({ SSL_CERT_FILE: path.join(dir, "missing.pem") })).toEqual([]);
  });

  it("falls back to the system bundle when neither variable is set", () => {
    const loaded = loadTrustedCertificates({});
    const systemBundle = [
      "/etc/ssl/certs/ca-certificates.crt",
      "/etc/pki/tls/certs/ca-bundle.crt",
      "/etc/ssl/cert.pem",
    ].find((f) => fs.existsSync(f));
    if (systemBundle) {
      expect(loaded.length).toBeGreaterThan(10);
      expect(loaded).toEqual(loadTrustedCertificates({ SSL_CERT_FILE: systemBundle }));
    }
    expect(loaded).not.toContain(caCert.trim());
  });
});
