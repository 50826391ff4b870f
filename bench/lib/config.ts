import { loadConfig, type Config } from "../../lib/config";

/**
 * The configuration a worker would run with: the defaults, or the NOVAVMS_* tuning variables
 * set for the bench run (so a setting can be tried without editing code), with loopback allowed.
 */
export function benchConfig(): Config {
  const tuning = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name.startsWith("NOVAVMS_WORKER_") || name === "NOVAVMS_DB_POOL_SIZE",
    ),
  );
  return loadConfig({ ...tuning, NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1", LOG_LEVEL: "silent" });
}

/** The same tuning variables, for the environment of worker processes. */
export function tuningEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        (entry[0].startsWith("NOVAVMS_WORKER_") ||
          entry[0] === "NOVAVMS_DB_POOL_SIZE" ||
          entry[0] === "NOVAVMS_RECOVERY_CONCURRENCY") &&
        entry[1] !== undefined,
    ),
  );
}
