import type { Db } from "../db/client";
import { refreshDatabaseGauges } from "./database-gauges";
import { getMetrics } from "./registry";

/** The Prometheus text exposition of this process's metrics, database gauges refreshed. */
export async function renderMetrics(db: Db, inFlight?: () => number): Promise<{ contentType: string; body: string }> {
  const metrics = getMetrics();
  await refreshDatabaseGauges(db);
  if (inFlight) metrics.attemptsInFlight.set(inFlight());
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
