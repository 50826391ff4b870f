import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { DeliveryDetail } from "@/lib/delivery-log/detail-view";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { LogTime } from "./log-time";

/** The delivery at a glance: status, event, webhook, attempts and when the next retry is due. */
export function DeliverySummary({ delivery }: { delivery: DeliveryDetail }) {
  const rows: [string, ReactNode][] = [
    ["Status", <DeliveryStatusBadge key="status" status={delivery.status} />],
    ["Event type", delivery.eventType],
    [
      "Webhook",
      <Link
        key="webhook"
        href={`/webhooks/${delivery.webhookId}`}
        className="font-mono text-xs break-all text-brand-700 hover:underline"
      >
        {delivery.webhookUrl}
      </Link>,
    ],
    ["Created", <LogTime key="created" text={delivery.created.text} iso={delivery.created.iso} />],
    ["Attempts", delivery.attempts],
  ];
  if (delivery.nextAttempt) {
    rows.push([
      delivery.status === "retrying" ? "Next retry" : "Next attempt",
      <span key="next">
        <LogTime text={delivery.nextAttempt.text} iso={delivery.nextAttempt.iso} />{" "}
        <span className="text-slate-500">({dueIn(delivery.nextAttempt.relative)})</span>
      </span>,
    ]);
  }
  rows.push([
    "Event id",
    <code key="event" className="font-mono text-xs break-all">
      {delivery.eventId}
    </code>,
  ]);
  rows.push([
    "Delivery id",
    <code key="delivery" className="font-mono text-xs break-all">
      {delivery.id}
    </code>,
  ]);

  return (
    <Card>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {rows.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs font-medium text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** "in 42 s" stays; "now" and "3 s ago" (a worker is about to pick it up) read as "due …". */
function dueIn(relative: string): string {
  return relative.startsWith("in ") ? relative : `due ${relative}`;
}
