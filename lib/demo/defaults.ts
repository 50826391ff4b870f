import type { Config } from "../config";

export const DEMO_RETRY_SCHEDULE = "5s,5s,10s,10s,15s";

/**
 * Demo mode is the embedded database with NOVAVMS_DEMO on (the defaults of a fresh clone). There,
 * unless set explicitly, deliveries may reach loopback (the sandbox receiver is this very server)
 * and retries are compressed so a Failed delivery shows up within a minute instead of 7 hours.
 */
export function demoOverrides(config: Config, env: Record<string, string | undefined>): Record<string, string> {
  if (config.databaseUrl || !config.demo) return {};
  const overrides: Record<string, string> = {};
  if (!env.NOVAVMS_ALLOW_PRIVATE_NETWORKS) overrides.NOVAVMS_ALLOW_PRIVATE_NETWORKS = "1";
  if (!env.NOVAVMS_RETRY_SCHEDULE) overrides.NOVAVMS_RETRY_SCHEDULE = DEMO_RETRY_SCHEDULE;
  return overrides;
}
