import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { SigningSecretPanel } from "@/components/webhooks/signing-secret-panel";
import { requireCaller } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import { findWebhookFor, readSigningSummary } from "@/lib/webhooks/read-webhooks";
import { MAX_PREVIOUS_SECRETS } from "@/lib/signing/secret-limits";
import { revealSigningSecretAction, rotateSigningSecretAction } from "../../actions";

export const metadata: Metadata = { title: "Signing" };

export default async function WebhookSigningPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requireCaller();
  const { id } = await params;
  const app = getAppContext();
  const webhook = await findWebhookFor(app, caller, { webhookId: id });
  if (!webhook) notFound();
  const signing = await readSigningSummary(app, caller, { webhookId: webhook.id });
  const isAdmin = isAllowed(caller, "webhook.secret.reveal");

  return (
    <div className="space-y-6">
      <Card
        id="signing-secret"
        title="Signing secret"
        description={
          <>
            Your endpoint uses this secret to check that a delivery came from NovaVMS: it computes HMAC-SHA256 over the
            raw request body and compares the result with the <code>X-NovaVMS-Signature</code> header. See{" "}
            <Link className="underline" href="/docs/webhook-signing">
              webhook signing
            </Link>{" "}
            for verification code in Node.js and Python.
          </>
        }
      >
        <p className="mb-4 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          This signing secret is not your organisation&apos;s API token: the API token authenticates your calls to
          NovaVMS; this secret lets your endpoint verify calls from NovaVMS.
        </p>
        <SigningSecretPanel
          masked={signing.masked}
          canManage={isAdmin}
          reveal={revealSigningSecretAction.bind(null, webhook.id)}
          rotate={rotateSigningSecretAction.bind(null, webhook.id)}
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-600">
            <dt>Created</dt>
            <dd>
              <Time value={signing.createdAt} />
            </dd>
          </dl>
        </SigningSecretPanel>
      </Card>

      <Card
        id="previous-secrets"
        title="Previous secrets"
        description={`Secrets replaced by a rotation that still sign deliveries until their grace period ends. At most ${MAX_PREVIOUS_SECRETS} stay valid: a rotation beyond that ends the oldest one's grace period at once.`}
      >
        {signing.previous.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {signing.previous.map((secret) => (
              <li key={secret.created_at} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
                <span>
                  Created <Time value={secret.created_at} />
                </span>
                <span className="font-medium">
                  valid until <Time value={secret.expires_at} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">None: only the current secret signs deliveries.</p>
        )}
      </Card>
    </div>
  );
}
