import type { Metadata } from "next";
import Link from "next/link";
import { HealthBanners } from "@/components/webhooks/health-banners";
import { CertificateWarnings } from "@/components/cert-watch/certificate-warnings";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { userCaller } from "@/lib/auth/caller";
import { requireUser } from "@/lib/auth/current-user";
import { readCertificateWarnings } from "@/lib/cert-watch/expiry-warning";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import { readUnhealthyEndpoints } from "@/lib/endpoint-health/queries";
import { listWindowStart } from "@/lib/webhooks/overview-range";
import { readWebhookSummaries } from "@/lib/webhooks/read-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { deleted } = await searchParams;
  const caller = userCaller(user);
  const app = getAppContext();
  const [webhooks, unhealthy, certificateWarnings] = await Promise.all([
    readWebhookSummaries(app, caller, { since: listWindowStart() }),
    readUnhealthyEndpoints(app, caller),
    readCertificateWarnings(app, caller),
  ]);
  const isAdmin = isAllowed(caller, "webhook.create");
  const newWebhook = isAdmin ? (
    <Link href="/webhooks/new" className={buttonClasses({ variant: "primary" })}>
      New webhook
    </Link>
  ) : null;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Webhooks"
        description="The endpoints NovaVMS delivers your organisation's events to."
        actions={newWebhook}
      />
      <HealthBanners endpoints={unhealthy} autoDisableAfterMs={app.config.autoDisableAfterMs} linkToWebhook />
      {deleted === "1" ? <Alert tone="success">Webhook deleted, with its deliveries and their log.</Alert> : null}
      {!isAdmin ? (
        <Alert tone="info">You are a viewer: you can read webhooks, but only an admin can change them.</Alert>
      ) : null}
      <CertificateWarnings warnings={certificateWarnings} linked />
      {webhooks.length ? (
        <WebhooksTable webhooks={webhooks} />
      ) : (
        <EmptyState title="No webhooks yet" action={newWebhook}>
          A webhook sends your organisation&apos;s events to an HTTPS endpoint you run, signed so it can check they came
          from NovaVMS.
          {isAdmin ? null : " Ask an admin to add one."}
        </EmptyState>
      )}
    </div>
  );
}
