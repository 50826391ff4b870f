import dns from "node:dns";
import net, { type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

// The guard against webhook URLs that point into our own network. It runs inside the connection's
// DNS lookup, so the address that is checked is the address that is connected to: there is no
// second resolution an attacker's DNS server could answer differently (DNS rebinding).

export type AddressVerdict = { allowed: true } | { allowed: false; kind: string };

/** Thrown from the lookup (and for literal IPs) when a destination is refused. */
export class DestinationBlockedError extends Error {
  readonly code = "ERR_DESTINATION_BLOCKED";
  constructor(message: string) {
    super(message);
    this.name = "DestinationBlockedError";
  }
}

// Metadata services answer with cloud credentials. Most sit in ranges refused anyway; listed by
// address so the message names them and a future range change cannot quietly reopen them.
const METADATA_ADDRESSES = new Set([
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, …
  "169.254.170.2", // AWS ECS task credentials
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud
  "fd00:ec2::254", // AWS over IPv6
]);

const RANGE_NAMES: Record<string, string> = {
  private: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  multicast: "multicast",
  unspecified: "unspecified",
  broadcast: "broadcast",
};

/** Whether an IP address (v4 or v6, canonical text) may be delivered to. */
export function classifyAddress(address: string): AddressVerdict {
  if (!net.isIP(address)) return { allowed: false, kind: "invalid" };
  const parsed = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
    return { allowed: false, kind: "cloud metadata" };
  }
  if (parsed.kind() === "ipv6") {
    // Forms that carry an IPv4 address inside are judged by that address: ::ffff:127.0.0.1 is
    // loopback, 64:ff9b::8.8.8.8 (NAT64) is public.
    const embedded = embeddedIPv4(parsed as ipaddr.IPv6);
    if (embedded) return classifyAddress(embedded);
  }
  const range = parsed.range();
  if (range === "unicast") return { allowed: true };
  return { allowed: false, kind: RANGE_NAMES[range] ?? "special-purpose" };
}

/**
 * The message for a refused literal-IP URL host, or null when it may be used. Host names are
 * checked later, in the lookup: the OS never resolves a literal IP, so this is its only check.
 */
export function checkLiteralHost(hostname: string): string | null {
  const address = hostname.replace(/^\[|\]$/g, "");
  if (!net.isIP(address)) return null;
  const verdict = classifyAddress(address);
  return verdict.allowed ? null : `${address} is not a public address (${verdict.kind}); ${REFUSAL}`;
}

export type LookupHooks = {
  allowPrivateNetworks: boolean;
  /** Called when a resolution starts and when it ends, so a timeout can tell it was still resolving. */
  onResolving: (hostname: string, delta: 1 | -1) => void;
  /** The resolver; the operating system's (`dns.lookup`) unless given. */
  resolve?: Resolver;
};

/** `dns.lookup` with `all: true`: every address of the name. */
export type Resolver = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

/** A `lookup` for net/tls.connect that resolves every address and refuses the whole name if any is private. */
export function createGuardedLookup(hooks: LookupHooks): LookupFunction {
  const resolve: Resolver = hooks.resolve ?? dns.lookup;
  return (hostname, options, callback) => {
    hooks.onResolving(hostname, 1);
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      hooks.onResolving(hostname, -1);
      if (error) return callback(error, "");
      if (addresses.length === 0) return callback(notFound(hostname), "");
      if (!hooks.allowPrivateNetworks) {
        // Refusing the name outright (rather than dropping the bad answers) because which answer
        // gets connected to is up to address-family racing, and a mixed answer is suspicious.
        for (const { address } of addresses) {
          const verdict = classifyAddress(address);
          if (!verdict.allowed) {
            return callback(
              new DestinationBlockedError(`${hostname} resolves to ${address} (${verdict.kind}); ${REFUSAL}`),
              "",
            );
          }
        }
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const REFUSAL = "NovaVMS only delivers to public internet addresses.";

function embeddedIPv4(address: ipaddr.IPv6): string | null {
  const [a, b, c, d, e, f, g, h] = address.parts;
  const range = address.range();
  const isWellKnownNat64 =
    range === "rfc6052" && a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0;
  if (range === "ipv4Mapped" || range === "rfc6145" || isWellKnownNat64) return toIPv4(g, h);
  if (range === "6to4") return toIPv4(b, c);
  // IPv4-compatible (::a.b.c.d, deprecated but still routed to the IPv4 host by some stacks);
  // ::1 and :: keep their own IPv6 meaning.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && (g !== 0 || h > 1)) return toIPv4(g, h);
  return null;
}

function toIPv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
}
