import { loadedTracing } from "../tracing/load";
import { operations } from "../openapi/operations";
import { getMetrics } from "./registry";

// The calls the rest of the code makes to count what happens: one line at each place.

const claimSpans = new WeakMap<object, string>();

/** Runs a claim query, counting it and timing it, and with tracing a claim span per delivery. */
export async function observeClaim<T extends Array<{ id: string; traceparent: string | null }>>(
  claim: () => Promise<T>,
): Promise<T> {
  const metrics = getMetrics();
  const start = new Date();
  const end = metrics.claimDuration.startTimer();
  const claimed = await claim();
  end();
  const tracing = loadedTracing();
  if (tracing && claimed.length > 0) {
    const parents = tracing.recordClaim(claimed, start, new Date());
    for (const delivery of claimed) claimSpans.set(delivery, parents.get(delivery.id)!);
  }
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

/** The traceparent of the claim span of a delivery claimed with observeClaim (tracing on). */
export function claimTraceparent(delivery: object): string | null {
  return claimSpans.get(delivery) ?? null;
}
