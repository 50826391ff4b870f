import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { RecoveryPanel } from "@/components/recovery/recovery-panel";
import { PageHeader } from "@/components/ui/page-header";
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

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const search = await searchParams;
  const view = parseLogParams(search);
  // A submitted filter form sends its empty fields too: tidy the URL before anyone shares it.
  if (view.ok && hasEmptyValues(search)) redirect(`/deliveries${logQuery(view.params)}`);
  const user = await requireUser();
  const { config, db } = getAppContext();
  const page = view.ok
    ? await listDeliveries(db, user.orgId, {
        ...toDeliveryFilters(view.params, new Date()),
        limit: LOG_PAGE_SIZE,
        sort: "activity",
      })
    : null;

  return (
    <div>
      <PageHeader
        title="Deliveries"
        description="Every webhook's deliveries, the latest activity first. Open one to see its attempts, the response and Replay."
      />
      <div className="mb-4">
        <RecoveryPanel user={user} view={view} />
      </div>
      <DeliveryLog
        basePath="/deliveries"
        view={view}
        entries={page ? toLogEntries(page.rows, maxScheduledAttempts(config.retryScheduleMs)) : []}
        nextCursor={page?.next_cursor ?? null}
        showWebhook
      />
    </div>
  );
}
