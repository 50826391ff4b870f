import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeliveryLog } from "@/components/deliveries/delivery-log";
import { RecoveryPanel } from "@/components/recovery/recovery-panel";
import { RetentionNote } from "@/components/deliveries/retention-note";
import { PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { loadLogPage } from "@/lib/delivery-log/log-page";
import type { RawSearchParams } from "@/lib/delivery-log/log-params";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const search = await searchParams;
  const ctx = getAppContext();
  const caller = await requireCaller();
  const page = await loadLogPage(ctx, caller, search, { basePath: "/deliveries" });
  if (page.redirectTo) redirect(page.redirectTo);

  return (
    <div>
      <PageHeader
        title="Deliveries"
        description="Every webhook's deliveries, the latest activity first. Open one to see its attempts, the response and Replay."
      />
      <div className="mb-4">
        <RecoveryPanel caller={caller} view={page.view} />
      </div>
      <DeliveryLog
        basePath="/deliveries"
        view={page.view}
        entries={page.entries}
        nextCursor={page.nextCursor}
        showWebhook
      />
      <RetentionNote db={ctx.db} orgId={caller.orgId} days={ctx.config.retentionDays} />
    </div>
  );
}
