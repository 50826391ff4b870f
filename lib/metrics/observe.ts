import type { SendResult } from "../delivery/types";
import { operations } from "../openapi/operations";
import { getMetrics } from "./registry";

// The calls the rest of the code makes to count what happens: one line at each place.

export function observeAttempt(trigger: "scheduled" | "manual", result: SendResult): void {
  const metrics = getMetrics();
  const outcome = result.ok ? "succeeded" : "failed";
  metrics.attempts.inc({ outcome, reason: result.failure?.reason ?? "", trigger });
  metrics.attemptDuration.observe({ outcome }, result.durationMs / 1000);
}

/** Runs a claim query, counting it and timing it. */
export async function observeClaim<T extends unknown[]>(claim: () => Promise<T>): Promise<T> {
  const metrics = getMetrics();
  const end = metrics.claimDuration.startTimer();
  const claimed = await claim();
  end();
  metrics.claims.inc({ result: claimed.length > 0 ? "claimed" : "empty" });
  metrics.claimedDeliveries.inc(claimed.length);
  return claimed;
}

export function observeIngest(result: { duplicate: boolean; deliveries: unknown[] }): void {
  if (result.duplicate) return;
  const metrics = getMetrics();
  metrics.eventsIngested.inc();
  metrics.deliveriesCreated.inc(result.deliveries.length);
}

export function observeApiRequest(request: Request, status: number): void {
  getMetrics().apiRequests.inc({ route: routePattern(new URL(request.url).pathname), method: request.method, status });
}

const patterns = operations.map((op) => ({
  route: op.path,
  regex: new RegExp(`^/api/v1${op.path.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}/?$`),
}));

/** The documented path a request matched (`/webhooks/{id}`), or "other": a bounded label. */
export function routePattern(pathname: string): string {
  return patterns.find((p) => p.regex.test(pathname))?.route ?? "other";
}
