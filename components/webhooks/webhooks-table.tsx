import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { WebhookSummary } from "@/lib/webhooks/stats";
import { DeliveryStatusBadge, SuccessRate, WebhookStatusBadge } from "./status-badges";

/** The org's webhooks: each URL links to its page. Scrolls sideways inside itself on a phone. */
export function WebhooksTable({ webhooks }: { webhooks: WebhookSummary[] }) {
  return (
    <div className="relative -mx-4 overflow-x-auto rounded-lg border-slate-200 bg-white sm:mx-0 sm:border sm:shadow-sm">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Webhooks of your organisation</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Endpoint
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
              Success rate (24 h)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
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
              </th>
              <td className="px-3 py-3">
                <WebhookStatusBadge enabled={webhook.enabled} />
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <SuccessRate value={webhook.successRate} />
                <span className="block text-xs text-slate-500">
                  {webhook.deliveries} {webhook.deliveries === 1 ? "delivery" : "deliveries"}
                </span>
              </td>
              <td className="px-3 py-3">
                {webhook.lastDeliveryAt && webhook.lastStatus ? (
                  <div className="space-y-1">
                    <DeliveryStatusBadge status={webhook.lastStatus} />
                    <div className="text-xs whitespace-nowrap text-slate-600">
                      <Time value={webhook.lastDeliveryAt} />
                    </div>
                  </div>
                ) : (
                  <span className="text-slate-500">None yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
