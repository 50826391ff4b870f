import net from "node:net";
import ipaddr from "ipaddr.js";

// Who the client is, decided once at the edge (scripts/web.ts) for everything after it. Forwarding
// headers are written by whoever sends the request: they are believed only when the peer that
// connected to us is a proxy the operator listed in NOVAVMS_TRUSTED_PROXIES (addresses or CIDR
// ranges; default none). Otherwise the socket's address is the client, and the headers go.

export type TrustedProxies = Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

/** Parses "10.0.0.1, 192.168.0.0/16, ::1" (throws on a bad entry, for config validation). */
export function parseTrustedProxies(text: string): TrustedProxies {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    });
}

export type ForwardedHeaders = Record<string, string | string[] | undefined>;

/**
 * Rewrites a request's forwarding headers in place: `x-forwarded-for` becomes the one client
 * address (the right-most hop not added by a trusted proxy), `x-forwarded-proto`/`-host` are kept
 * only from a trusted proxy, and `x-real-ip` is dropped.
 */
export function normalizeForwardedHeaders(
  headers: ForwardedHeaders,
  socketAddress: string | undefined,
  trusted: TrustedProxies,
): void {
  const peer = normalize(socketAddress ?? "");
  const chain = String(headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((hop) => normalize(hop.trim()))
    .filter((hop) => net.isIP(hop) !== 0);
  const peerTrusted = isTrusted(peer, trusted);
  let client = peer;
  if (peerTrusted) {
    while (chain.length > 0) {
      client = chain.pop()!;
      if (!isTrusted(client, trusted)) break;
    }
  } else {
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
  }
  delete headers["x-real-ip"];
  delete headers["forwarded"];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  if (!net.isIP(address)) return false;
  const parsed = ipaddr.parse(address);
  return trusted.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

// "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) is 127.0.0.1.
function normalize(address: string): string {
  if (!net.isIP(address)) return address;
  const parsed = ipaddr.process(address);
  return parsed.toString();
}
