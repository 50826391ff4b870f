import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { requireUser } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { loadLogPage } from "@/lib/delivery-log/log-page";
import type { RawSearchParams } from "@/lib/delivery-log/log-params";
import { NotFoundError } from "@/lib/errors";
import { getWebhook } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

// The Deliveries tab: the same log as /deliveries, for this webhook only (the layout above
// renders the webhook's header and tabs).
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const user = await requireUser();
  const { config, db } = getAppContext();
  const webhook = await getWebhook(db, user.orgId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const basePath = `/webhooks/${webhook.id}/deliveries`;
  const page = await loadLogPage(db, user.orgId, search, {
    basePath,
    webhookId: webhook.id,
    retryScheduleMs: config.retryScheduleMs,
    now: new Date(),
  });
  if (page.redirectTo) redirect(page.redirectTo);

  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h2 id="webhook-deliveries-title" className="sr-only">
        Deliveries of this webhook
      </h2>
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
