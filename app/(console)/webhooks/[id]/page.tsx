import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecoveriesTable } from "@/components/recovery/recoveries-table";
import { CheckEndpointPanel } from "@/components/endpoint-check/check-endpoint-panel";
import { Card } from "@/components/ui/card";
import { DeliveriesChart } from "@/components/webhooks/deliveries-chart";
import { RangeSwitch } from "@/components/webhooks/range-switch";
import { SuccessRate } from "@/components/webhooks/status-badges";
import { requireCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { DELIVERY_STATUSES, STATUS_LABELS } from "@/lib/delivery-log/format";
import { readRecoveries } from "@/lib/recovery/read-recoveries";
import { overviewWindow } from "@/lib/webhooks/overview-range";
import { findWebhookFor, readWebhookOverview } from "@/lib/webhooks/read-webhooks";
import type { CheckResult } from "@/lib/endpoint-check/types";
import { isAllowed } from "@/lib/auth/policy";
import { checkEndpointAction } from "../diagnosis-actions";

export const metadata: Metadata = { title: "Webhook overview" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookOverviewPage({ params, searchParams }: Props) {
  const caller = await requireCaller();
  const [{ id }, { range }] = await Promise.all([params, searchParams]);
  const app = getAppContext();
  const webhook = await findWebhookFor(app, caller, { webhookId: id });
  if (!webhook) notFound();
  const period = overviewWindow(range);
  const [overview, recoveries] = await Promise.all([
    readWebhookOverview(app, caller, { webhookId: webhook.id, ...period }),
    readRecoveries(app, caller, { limit: 10, webhook_id: webhook.id }),
  ]);
  const base = `/webhooks/${webhook.id}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Overview</h2>
        <RangeSwitch basePath={base} current={period.range} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Stat label="Success rate">
          <SuccessRate value={overview.successRate} />
        </Stat>
        {DELIVERY_STATUSES.map((status) => (
          <Stat key={status} label={STATUS_LABELS[status]}>
            {overview.totals[status]}
          </Stat>
        ))}
      </dl>
      <p className="-mt-3 text-xs text-slate-500">
        Deliveries created in {period.description}, by their status now. The success rate counts finished deliveries
        (succeeded or failed).
      </p>
      <Card
        title="Check endpoint"
        id="check-endpoint"
        description="Find out why deliveries to this endpoint fail, and what to change, in one click."
      >
        <CheckEndpointPanel
          action={checkEndpointAction.bind(null, webhook.id)}
          last={webhook.lastCheck as CheckResult | null}
          canRun={isAllowed(caller, "webhook.check")}
        />
      </Card>
      <Card title="Deliveries over time" id="chart">
        <DeliveriesChart buckets={overview.buckets} bucketMinutes={period.bucketMinutes} period={period.description} />
      </Card>
      <Card title="Recoveries" id="recoveries">
        <RecoveriesTable recoveries={recoveries.data} />
      </Card>
      <p className="text-sm">
        <Link href={`${base}/deliveries`} className="text-brand-700 underline">
          See each delivery in the log
        </Link>
      </p>
    </div>
  );
}

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs font-medium text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
