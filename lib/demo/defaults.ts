import type { Config } from "../config";
import { sandboxOriginFor } from "./sandbox-origin";

/** The demo webhooks' own retry schedule: a Failed delivery shows up within a minute. */
export const DEMO_RETRY_SCHEDULE = "5s,5s,10s,10s,15s";

/**
 * Demo mode is the embedded database with NOVAVMS_DEMO on (the defaults of a fresh clone). The
 * SSRF guard stays on and the default retry schedule stays the article's: the only difference is
 * that deliveries may reach this server's own sandbox receiver (exact origin, /api/sandbox/ paths).
 * The demo webhooks carry their short schedule themselves (see seed.ts).
 */
export function demoOverrides(config: Config, env: Record<string, string | undefined>): Record<string, string> {
  if (config.databaseUrl || !config.demo) return {};
  if (env.NOVAVMS_SANDBOX_ORIGIN) return {};
  return { NOVAVMS_SANDBOX_ORIGIN: sandboxOriginFor(config.port) };
}
