import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { EndpointHealth } from "@/lib/endpoint-health/queries";

/** A warning per endpoint that was disabled automatically or has been failing for over an hour. */
export function HealthBanners({
  endpoints,
  autoDisableAfterMs,
  linkToWebhook,
}: {
  endpoints: EndpointHealth[];
  autoDisableAfterMs: number;
  linkToWebhook: boolean;
}) {
  if (endpoints.length === 0) return null;
  return (
    <div className="space-y-2">
      {endpoints.map((endpoint) => (
        <Alert key={endpoint.webhookId} tone="warning" title={title(endpoint, autoDisableAfterMs)}>
          {linkToWebhook ? (
            <Link href={`/webhooks/${endpoint.webhookId}/settings`} className="font-mono break-all underline">
              {endpoint.url}
            </Link>
          ) : null}
          <p>
            {endpoint.enabled
              ? "Its deliveries are being retried on schedule. Check the endpoint; the delivery log shows why each attempt failed."
              : "Queued deliveries are waiting. Fix the endpoint, then Enable it in Settings to send them, and recover what failed from the delivery log."}
          </p>
        </Alert>
      ))}
    </div>
  );
}

function title(endpoint: EndpointHealth, autoDisableAfterMs: number): string {
  if (!endpoint.enabled && endpoint.disabledReason === "gone") {
    return `Disabled automatically on ${stamp(endpoint.disabledAt)}: the endpoint answered 410 Gone`;
  }
  if (!endpoint.enabled) {
    return `Disabled automatically on ${stamp(endpoint.disabledAt)} after ${days(autoDisableAfterMs)} of failures`;
  }
  return `Failing since ${stamp(endpoint.failingSince)}: every attempt since then has failed`;
}

function stamp(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "an unknown time";
}

function days(ms: number): string {
  const d = ms / 86_400_000;
  if (Number.isInteger(d)) return `${d} day${d === 1 ? "" : "s"}`;
  return `${Math.round(ms / 3_600_000)} hours`;
}
