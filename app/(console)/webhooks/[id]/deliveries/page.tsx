import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { RecoveryPanel } from "@/components/recovery/recovery-panel";
import { requireUser } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { toLogEntries } from "@/lib/deliveries/log-entries";
import {
  hasEmptyValues,
  LOG_PAGE_SIZE,
  logQuery,
  parseLogParams,
  toDeliveryFilters,
  type RawSearchParams,
} from "@/lib/deliveries/log-params";
import { listDeliveries } from "@/lib/deliveries/queries";
import { maxScheduledAttempts } from "@/lib/dispatch/schedule";
import { NotFoundError } from "@/lib/errors";
import { getWebhook } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

// The Deliveries tab: the same log as /deliveries, for this webhook only (the layout above
// renders the webhook's header and tabs).
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const view = parseLogParams(search);
  const user = await requireUser();
  const { config, db } = getAppContext();
  const webhook = await getWebhook(db, user.orgId, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const basePath = `/webhooks/${webhook.id}/deliveries`;
  if (view.ok && hasEmptyValues(search)) redirect(`${basePath}${logQuery(view.params)}`);
  const page = view.ok
    ? await listDeliveries(db, user.orgId, {
        ...toDeliveryFilters(view.params, new Date()),
        webhookId: webhook.id,
        limit: LOG_PAGE_SIZE,
        sort: "activity",
      })
    : null;

  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h2 id="webhook-deliveries-title" className="sr-only">
        Deliveries of this webhook
      </h2>
      <div className="mb-4">
        <RecoveryPanel user={user} view={view} webhook={webhook} />
      </div>
      <DeliveryLog
        basePath={basePath}
        view={view}
        entries={page ? toLogEntries(page.rows, maxScheduledAttempts(config.retryScheduleMs)) : []}
        nextCursor={page?.next_cursor ?? null}
        showWebhook={false}
      />
    </section>
  );
}
