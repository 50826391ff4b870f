import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { DeleteWebhookForm, EnableWebhookForm } from "@/components/webhooks/settings-actions";
import { WebhookStatusBadge } from "@/components/webhooks/status-badges";
import { PolicyForm } from "@/components/webhooks/policy-form";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { requireCaller } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import { eventTypeFormValues } from "@/lib/webhooks/form";
import { findWebhookFor } from "@/lib/webhooks/read-webhooks";
import { formatDelay } from "@/lib/failures/figures";
import { deleteWebhookAction, setWebhookEnabledAction, updateWebhookAction } from "../../actions";
import { updatePolicyAction } from "../../policy-actions";

export const metadata: Metadata = { title: "Webhook settings" };

export default async function WebhookSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireCaller();
  const { id } = await params;
  const app = getAppContext();
  const webhook = await findWebhookFor(app, caller, { webhookId: id });
  if (!webhook) notFound();

  if (!isAllowed(caller, "webhook.update")) {
    return (
      <div className="space-y-6">
        <Alert tone="info">
          You are a viewer: you can read this webhook&apos;s settings, but only an admin can change them.
        </Alert>
        <Card title="Endpoint">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-600">URL</dt>
            <dd className="font-mono break-all">{webhook.url}</dd>
            <dt className="font-medium text-slate-600">Description</dt>
            <dd>{webhook.description || <span className="text-slate-500">None</span>}</dd>
            <dt className="font-medium text-slate-600">Event types</dt>
            <dd>{webhook.eventTypes.length ? webhook.eventTypes.join(", ") : "All event types"}</dd>
            <dt className="font-medium text-slate-600">Status</dt>
            <dd>
              <WebhookStatusBadge enabled={webhook.enabled} />
            </dd>
            <dt className="font-medium text-slate-600">Created</dt>
            <dd>
              <Time value={webhook.createdAt} />
            </dd>
          </dl>
        </Card>
      </div>
    );
  }

  const initial = {
    url: webhook.url,
    description: webhook.description,
    ...eventTypeFormValues(webhook.eventTypes),
    enabled: webhook.enabled ? "on" : "",
  };
  return (
    <div className="space-y-6">
      <Card title="Endpoint" id="endpoint">
        <WebhookForm action={updateWebhookAction.bind(null, webhook.id)} initial={initial} mode="edit" />
      </Card>
      <Card title="Delivery policy" id="policy">
        <PolicyForm
          action={updatePolicyAction.bind(null, webhook.id)}
          initial={{
            retry_schedule: webhook.retrySchedule ?? "",
            rate_limit_per_second: webhook.rateLimitPerSecond?.toString() ?? "",
          }}
          headerNames={webhook.customHeaderNames}
          defaultSchedule={app.config.retryScheduleMs.map(formatDelay).join(",")}
        />
      </Card>
      <Card title={webhook.enabled ? "Disable" : "Enable"} id="status">
        <EnableWebhookForm
          enabled={webhook.enabled}
          action={setWebhookEnabledAction.bind(null, webhook.id, !webhook.enabled)}
        />
      </Card>
      <Card title="Delete" id="delete">
        <DeleteWebhookForm url={webhook.url} action={deleteWebhookAction.bind(null, webhook.id)} />
      </Card>
    </div>
  );
}
