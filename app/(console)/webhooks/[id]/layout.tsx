import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CertificateWarnings } from "@/components/cert-watch/certificate-warnings";
import { PageHeader } from "@/components/ui/page-header";
import { TabLinks } from "@/components/ui/tab-links";
import { SendTestEventButton } from "@/components/webhooks/send-test-event-button";
import { HealthBanners } from "@/components/webhooks/health-banners";
import { WebhookStatusBadge } from "@/components/webhooks/status-badges";
import { requireCaller } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { certificateWarning } from "@/lib/cert-watch/expiry-warning";
import { getAppContext } from "@/lib/context";
import { findWebhookFor } from "@/lib/webhooks/read-webhooks";
import { readUnhealthyEndpoints } from "@/lib/endpoint-health/queries";
import { sendTestEventAction } from "../actions";

// The header and tabs of one webhook. Each tab's page loads and authorizes on its own as well:
// this layout is not re-rendered when moving between tabs.
export default async function WebhookLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const caller = await requireCaller();
  const { id } = await params;
  const app = getAppContext();
  const webhook = await findWebhookFor(app, caller, { webhookId: id });
  if (!webhook) notFound();
  const unhealthy = await readUnhealthyEndpoints(app, caller, { webhookId: webhook.id });
  const warning = certificateWarning(webhook, { warningDays: app.config.certWarningDays, now: app.now() });
  const base = `/webhooks/${webhook.id}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/deliveries`, label: "Deliveries", match: "prefix" as const },
    { href: `${base}/signing`, label: "Signing" },
    { href: `${base}/settings`, label: "Settings" },
  ];

  return (
    <div>
      <PageHeader
        eyebrow={
          <Link href="/webhooks" className="hover:underline">
            ← Webhooks
          </Link>
        }
        title={<span className="font-mono text-xl break-all">{webhook.url}</span>}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <WebhookStatusBadge enabled={webhook.enabled} />
            {webhook.description ? <span>{webhook.description}</span> : null}
            <span className="text-slate-500">
              {webhook.eventTypes.length ? webhook.eventTypes.join(", ") : "All event types"}
            </span>
          </span>
        }
        actions={
          !isAllowed(caller, "webhook.test_event") ? null : webhook.enabled ? (
            <SendTestEventButton action={sendTestEventAction.bind(null, webhook.id)} />
          ) : (
            <p className="text-sm text-slate-600">Enable the webhook in Settings to send a test event.</p>
          )
        }
      />
      <div className="mb-4">
        <HealthBanners endpoints={unhealthy} autoDisableAfterMs={app.config.autoDisableAfterMs} linkToWebhook={false} />
      </div>
      {warning ? (
        <div className="mb-4">
          <CertificateWarnings warnings={[warning]} linked={false} />
        </div>
      ) : null}
      <TabLinks label="Webhook sections" tabs={tabs} />
      {children}
    </div>
  );
}
