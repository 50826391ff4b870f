import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { Time } from "@/components/ui/time";
import type { WebhookSummary } from "@/lib/webhooks/stats";
import { SuccessRate, WebhookStatusBadge } from "./status-badges";

// On a phone the status, success rate and last delivery move under the URL (their columns are
// hidden), so the list reads top to bottom without scrolling sideways.
const WIDE = "hidden sm:table-cell";

/** The org's webhooks: each URL links to its page. */
export function WebhooksTable({ webhooks }: { webhooks: WebhookSummary[] }) {
  return (
    <div className="-mx-4 overflow-x-auto border-y border-slate-200 bg-white sm:mx-0 sm:rounded-lg sm:border sm:shadow-sm">
      <table className="w-full text-left text-sm sm:min-w-[40rem]">
        <caption className="sr-only">Webhooks of your organisation</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Endpoint
            </th>
            <th scope="col" className={`${WIDE} px-3 py-2 font-medium`}>
              Status
            </th>
            <th scope="col" className={`${WIDE} px-3 py-2 font-medium whitespace-nowrap`}>
              Success rate (24 h)
            </th>
            <th scope="col" className={`${WIDE} px-3 py-2 font-medium`}>
              Last delivery
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {webhooks.map((webhook) => (
            <tr key={webhook.id} className="align-top">
              <th scope="row" className="max-w-[28rem] px-4 py-3 font-normal">
                <Link href={`/webhooks/${webhook.id}`} className="font-medium break-all text-brand-700 hover:underline">
                  {webhook.url}
                </Link>
                {webhook.description ? <p className="mt-0.5 text-slate-600">{webhook.description}</p> : null}
                <p className="mt-0.5 text-xs text-slate-500">
                  {webhook.eventTypes.length ? webhook.eventTypes.join(", ") : "All event types"}
                </p>
                <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 sm:hidden">
                  <WebhookStatusBadge enabled={webhook.enabled} />
                  <span>
                    <SuccessRate value={webhook.successRate} /> success (24 h)
                  </span>
                  <span className="inline-flex flex-wrap items-center gap-x-2">
                    Last delivery <LastDelivery webhook={webhook} />
                  </span>
                </div>
              </th>
              <td className={`${WIDE} px-3 py-3`}>
                <WebhookStatusBadge enabled={webhook.enabled} />
              </td>
              <td className={`${WIDE} px-3 py-3 whitespace-nowrap`}>
                <SuccessRate value={webhook.successRate} />
                <span className="block text-xs text-slate-500">
                  {webhook.deliveries} {webhook.deliveries === 1 ? "delivery" : "deliveries"}
                </span>
              </td>
              <td className={`${WIDE} px-3 py-3`}>
                <LastDelivery webhook={webhook} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LastDelivery({ webhook }: { webhook: WebhookSummary }) {
  if (!webhook.lastDeliveryAt || !webhook.lastStatus) return <span className="text-slate-500">No deliveries yet</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <DeliveryStatusBadge status={webhook.lastStatus} />
      <span className="text-xs whitespace-nowrap text-slate-600">
        <Time value={webhook.lastDeliveryAt} />
      </span>
    </span>
  );
}
