import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Every metric NovaVMS exports, defined once per process. Labels are bounded sets (outcome,
// reason, trigger, status, route pattern, method): never a webhook id, URL, event id or org id,
// each of which would make one time series per value and grow Prometheus without bound.

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "novavms_process_" });
  const of = { registers: [registry] };
  return {
    registry,
    attempts: new Counter({
      name: "novavms_delivery_attempts_total",
      help: "Delivery attempts by outcome (succeeded, failed), failure reason and trigger (scheduled, manual).",
      labelNames: ["outcome", "reason", "trigger"] as const,
      ...of,
    }),
    attemptDuration: new Histogram({
      name: "novavms_delivery_attempt_duration_seconds",
      help: "Duration of delivery attempts, the whole exchange with the receiver.",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      ...of,
    }),
    attemptsInFlight: new Gauge({
      name: "novavms_delivery_attempts_in_flight",
      help: "Delivery attempts in flight in this worker process.",
      ...of,
    }),
    claims: new Counter({
      name: "novavms_dispatch_claims_total",
      help: "Claim queries run by this worker, by whether they returned deliveries (result: claimed, empty).",
      labelNames: ["result"] as const,
      ...of,
    }),
    claimedDeliveries: new Counter({
      name: "novavms_dispatch_claimed_deliveries_total",
      help: "Deliveries leased by this worker's claims.",
      ...of,
    }),
    claimDuration: new Histogram({
      name: "novavms_dispatch_claim_duration_seconds",
      help: "Latency of the claim query (FOR UPDATE SKIP LOCKED).",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      ...of,
    }),
    eventsIngested: new Counter({
      name: "novavms_events_ingested_total",
      help: "Events accepted by POST /api/v1/events (idempotent repeats not counted).",
      ...of,
    }),
    deliveriesCreated: new Counter({
      name: "novavms_deliveries_created_total",
      help: "Deliveries created by ingested events.",
      ...of,
    }),
    apiRequests: new Counter({
      name: "novavms_api_requests_total",
      help: "API requests by route pattern (/webhooks/{id}, …), method and HTTP status.",
      labelNames: ["route", "method", "status"] as const,
      ...of,
    }),
    deliveries: new Gauge({
      name: "novavms_deliveries",
      help: "Deliveries in the database by status (refreshed at most every 30 s).",
      labelNames: ["status"] as const,
      ...of,
    }),
    deliveriesDue: new Gauge({
      name: "novavms_deliveries_due",
      help: "Deliveries whose attempt is due now and not leased by a worker.",
      ...of,
    }),
    oldestDueAge: new Gauge({
      name: "novavms_oldest_due_delivery_age_seconds",
      help: "How long the oldest due delivery has been waiting (0 when none): the number to alert on.",
      ...of,
    }),
    webhooksDisabled: new Gauge({
      name: "novavms_webhooks_disabled",
      help: "Webhooks that are disabled (their deliveries wait).",
      ...of,
    }),
    retentionPruned: new Counter({
      name: "novavms_retention_pruned_total",
      help: "Rows pruned by the retention job, by kind (attempt_payloads, events).",
      labelNames: ["kind"] as const,
      ...of,
    }),
    retentionRunning: new Gauge({
      name: "novavms_retention_jobs_running",
      help: "Retention pruning passes running in this worker (0 or 1).",
      ...of,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const holder = globalThis as unknown as { novavmsMetrics?: Metrics };

/** This process's metrics (one registry per process, kept across Next.js module reloads). */
export function getMetrics(): Metrics {
  holder.novavmsMetrics ??= build();
  return holder.novavmsMetrics;
}
