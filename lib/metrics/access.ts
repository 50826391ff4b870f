import { timingSafeEqual } from "node:crypto";

// Who may read /metrics: with NOVAVMS_METRICS_TOKEN set, a caller sending it as a Bearer token;
// without it, loopback callers only.

export function metricsAccessAllowed(options: {
  token: string | undefined;
  authorization: string | null;
  /** The caller's address, when known. */
  address: string | null;
}): boolean {
  if (options.token) {
    const given = Buffer.from(/^Bearer (.+)$/i.exec(options.authorization ?? "")?.[1] ?? "");
    const want = Buffer.from(options.token);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  return options.address !== null && isLoopback(options.address);
}

export function isLoopback(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, "");
  return plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}
