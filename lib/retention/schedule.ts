import type { AppContext } from "../context";
import { getMetrics } from "../metrics/registry";
import { runPeriodically } from "../startup/periodic";
import { prunePass } from "./prune";

const EVERY_MS = 10 * 60_000;

/**
 * Runs a retention pass in the worker shortly after start and then every 10 minutes; several
 * workers may run at once (SKIP LOCKED keeps their batches apart). Off with NOVAVMS_RETENTION_DAYS=0.
 */
export function startRetention(context: AppContext, options: { everyMs?: number; firstAfterMs?: number } = {}) {
  const days = context.config.retentionDays;
  if (days === 0) return { stop: async () => {} };
  return runPeriodically(
    () => {
      const metrics = getMetrics();
      metrics.retentionRunning.set(1);
      return prunePass(context.db, {
        retentionDays: days,
        pauseMs: 50,
        onBatch: (n) => metrics.retentionPruned.inc({ kind: "events" }, n),
      })
        .then((result) => {
          if (result.events > 0) {
            context.log.info(
              { events: result.events, batches: result.batches, before: result.cutoff },
              "retention pruned old events",
            );
          }
        })
        .catch((error) => context.log.error({ err: error }, "retention pass failed"))
        .finally(() => metrics.retentionRunning.set(0));
    },
    { firstAfterMs: options.firstAfterMs ?? 30_000, everyMs: options.everyMs ?? EVERY_MS },
  );
}
