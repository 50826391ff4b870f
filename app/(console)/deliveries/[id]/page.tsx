import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptCard } from "@/components/deliveries/attempt-card";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { DeliverySummary } from "@/components/deliveries/delivery-summary";
import { ReplayButton } from "@/components/deliveries/replay-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCaller } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import { buildDeliveryDetail } from "@/lib/delivery-log/detail-view";
import { readDeliveryRecord } from "@/lib/delivery-log/read-deliveries";
import { NotFoundError } from "@/lib/errors";
import { replayDeliveryAction } from "../actions";

export const metadata: Metadata = { title: "Delivery" };

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = getAppContext();
  const caller = await requireCaller();
  // Another org's delivery is "not found", exactly like one that does not exist.
  const { row, attemptRows } = await readDeliveryRecord(app, caller, { deliveryId: id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const delivery = buildDeliveryDetail(row, attemptRows, app.config, app.now());

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap gap-x-3">
            <Link href="/deliveries" className="hover:underline">
              ← All deliveries
            </Link>
            <Link href={`/webhooks/${delivery.webhookId}/deliveries`} className="hover:underline">
              This webhook&apos;s deliveries
            </Link>
          </span>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all">{delivery.eventType}</span>
            <DeliveryStatusBadge status={delivery.status} />
          </span>
        }
        description={<span className="font-mono text-xs break-all">{delivery.id}</span>}
        actions={
          isAllowed(caller, "delivery.replay") ? (
            <ReplayButton deliveryId={delivery.id} action={replayDeliveryAction} />
          ) : (
            <p className="max-w-xs text-sm text-slate-600">Only an admin can Replay a delivery.</p>
          )
        }
      />
      <DeliverySummary delivery={delivery} />
      <section aria-labelledby="attempts-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="attempts-title" className="text-lg font-semibold">
            Attempts
          </h2>
          <p className="text-sm text-slate-600">Newest first. Each attempt has its own request_id.</p>
        </div>
        {delivery.timeline.length === 0 ? (
          <EmptyState title="Not sent yet">
            The first attempt is due {delivery.nextAttempt ? delivery.nextAttempt.relative : "soon"}. This page shows it
            once it has run.
          </EmptyState>
        ) : (
          <ol className="space-y-4">
            {delivery.timeline.map((attempt, index) => (
              <li key={attempt.requestId}>
                <AttemptCard attempt={attempt} latest={index === 0} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
