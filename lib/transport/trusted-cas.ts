import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import tls, { type SecureContext } from "node:tls";

// Receivers are verified against the operating system's CA bundle, the one curl and OpenSSL use,
// not the list compiled into Node: an admin who adds a corporate CA to the system store expects
// NovaVMS to trust it, and a CA the distribution removed must stop being trusted here too.

// Where distributions keep the bundle, first match wins (the same list Go and rustls probe).
const SYSTEM_BUNDLE_FILES = [
  "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Alpine, Arch
  "/etc/pki/tls/certs/ca-bundle.crt", // Fedora, RHEL, CentOS
  "/etc/ssl/ca-bundle.pem", // openSUSE
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // RHEL 7+
  "/etc/ssl/cert.pem", // macOS, Alpine, OpenBSD
  "/usr/local/share/certs/ca-root-nss.crt", // FreeBSD
];
const SYSTEM_DIRECTORIES = ["/etc/ssl/certs", "/etc/pki/tls/certs"];

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;

/**
 * The trusted CA certificates (PEM, one per entry, deduplicated). `SSL_CERT_FILE` and
 * `SSL_CERT_DIR` (a list separated like PATH), when either is set, replace the system locations,
 * as they do for OpenSSL. Unreadable files and malformed certificates are skipped, as OpenSSL
 * skips them; an empty result means every HTTPS delivery fails as an unknown CA.
 */
export function loadTrustedCertificates(env: Record<string, string | undefined> = process.env): string[] {
  const file = env.SSL_CERT_FILE || undefined;
  const directories = env.SSL_CERT_DIR?.split(path.delimiter).filter(Boolean) ?? [];
  const sources =
    file || directories.length > 0 ? [...(file ? [file] : []), ...directories.flatMap(listFiles)] : firstSystemSource();

  const certificates = new Map<string, string>();
  for (const source of sources) {
    for (const pem of readPem(source).match(PEM_CERTIFICATE) ?? []) {
      const normalized = pem.replace(/\s+/g, "");
      if (!certificates.has(normalized) && isCertificate(pem)) certificates.set(normalized, pem);
    }
  }
  return [...certificates.values()];
}

/** A TLS context that trusts exactly the given CAs, built once and shared by every connection. */
export function createTrustContext(certificates: string[]): SecureContext {
  // An explicit `ca`, even an empty one, replaces Node's bundled list instead of adding to it.
  return tls.createSecureContext({ ca: certificates });
}

function firstSystemSource(): string[] {
  const file = SYSTEM_BUNDLE_FILES.find(isFile);
  if (file) return [file];
  return SYSTEM_DIRECTORIES.flatMap(listFiles);
}

function listFiles(directory: string): string[] {
  try {
    return fs
      .readdirSync(directory)
      .map((name) => path.join(directory, name))
      .filter(isFile);
  } catch {
    return [];
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readPem(file: string): string {
  try {
    return fs.readFileSync(file, "latin1");
  } catch {
    return "";
  }
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}
