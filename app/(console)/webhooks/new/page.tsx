import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/current-user";
import { createWebhookAction } from "../actions";

export const metadata: Metadata = { title: "New webhook" };

const EMPTY = { url: "", description: "", event_types: "", other_event_types: "", enabled: "on" };

export default async function NewWebhookPage() {
  const user = await requireUser();
  // A viewer who follows a link here is told why there is no form (the action refuses them too).
  if (user.role !== "admin") {
    return <Alert tone="info">Only admins can create webhooks. Your role is viewer.</Alert>;
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/webhooks" className="hover:underline">
            ← Webhooks
          </Link>
        }
        title="New webhook"
        description="A signing secret is created with the webhook; find it in the webhook's Signing tab."
      />
      <Card>
        <WebhookForm action={createWebhookAction} initial={EMPTY} mode="create" />
      </Card>
    </div>
  );
}
