import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { RecoveryPanel } from "@/components/recovery/recovery-panel";
import { requireCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { loadLogPage } from "@/lib/delivery-log/log-page";
import type { RawSearchParams } from "@/lib/delivery-log/log-params";
import { findWebhookFor } from "@/lib/webhooks/read-webhooks";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

// The Deliveries tab: the same log as /deliveries, for this webhook only (the layout above
// renders the webhook's header and tabs).
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const caller = await requireCaller();
  const app = getAppContext();
  const webhook = await findWebhookFor(app, caller, { webhookId: id });
  if (!webhook) notFound();
  const basePath = `/webhooks/${webhook.id}/deliveries`;
  const page = await loadLogPage(app, caller, search, { basePath, webhookId: webhook.id });
  if (page.redirectTo) redirect(page.redirectTo);

  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h2 id="webhook-deliveries-title" className="sr-only">
        Deliveries of this webhook
      </h2>
      <div className="mb-4">
        <RecoveryPanel caller={caller} view={page.view} webhook={webhook} />
      </div>
      <DeliveryLog
        basePath={basePath}
        view={page.view}
        entries={page.entries}
        nextCursor={page.nextCursor}
        showWebhook={false}
      />
    </section>
  );
}
