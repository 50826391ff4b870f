import type { PeerCertificate, TLSSocket } from "node:tls";

// What a TLS connection says about the endpoint's certificate, in the words the console and the
// API use: the leaf's expiry and issuer for the expiry watch, the whole chain for Check endpoint.

export type CertificateSummary = {
  subject: string;
  issuer: string;
  valid_from: string;
  valid_to: string;
  days_left: number;
  subject_alt_names: string[];
};

/** The leaf certificate's expiry and issuer, or null when the peer sent none. */
export function leafCertificate(socket: TLSSocket): { expiresAt: Date; issuer: string } | null {
  const leaf = socket.getPeerCertificate(false);
  if (!leaf || !leaf.valid_to) return null;
  return { expiresAt: new Date(leaf.valid_to), issuer: distinguishedName(leaf.issuer) };
}

/** The chain as the peer presented it, leaf first (a self-issued root ends it). */
export function certificateChain(socket: TLSSocket, now: Date): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  let current: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined =
    socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (current && current.valid_to && !seen.has(current.fingerprint256) && chain.length < 10) {
    seen.add(current.fingerprint256);
    chain.push(summarize(current, now));
    current = current.issuerCertificate;
  }
  return chain;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `now` to `until`, rounded down; negative once it has passed. */
export function daysLeft(until: Date, now: Date): number {
  return Math.floor((until.getTime() - now.getTime()) / DAY_MS);
}

function summarize(cert: PeerCertificate, now: Date): CertificateSummary {
  const validTo = new Date(cert.valid_to);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    valid_from: new Date(cert.valid_from).toISOString(),
    valid_to: validTo.toISOString(),
    days_left: daysLeft(validTo, now),
    subject_alt_names: (cert.subjectaltname ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  };
}

/** "CN=api.example.com, O=Example" from Node's object form (values may repeat as arrays). */
function distinguishedName(name: PeerCertificate["subject"] | undefined): string {
  if (!name) return "";
  return Object.entries(name)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`))
    .join(", ");
}
