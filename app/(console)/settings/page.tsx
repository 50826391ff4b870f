import type { Metadata } from "next";
import Link from "next/link";
import { AddMemberForm } from "@/components/settings/add-member-form";
import { AlertDestinationsPanel } from "@/components/settings/alert-destinations-panel";
import { ApiTokenPanel } from "@/components/settings/api-token-panel";
import { MembersTable } from "@/components/settings/members-table";
import { NamedTokensPanel } from "@/components/settings/named-tokens-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { userCaller } from "@/lib/auth/caller";
import { requireUser } from "@/lib/auth/current-user";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import { listAlertDestinations } from "@/lib/alerts/destinations";
import { readOrgSettings } from "@/lib/org/read-settings";
import {
  addMemberAction,
  changeMemberRoleAction,
  regenerateApiTokenAction,
  removeMemberAction,
  revealApiTokenAction,
} from "./actions";
import { addAlertDestinationAction } from "./alert-actions";
import { createNamedTokenAction, revokeNamedTokenAction } from "./token-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const caller = userCaller(user);
  const [{ token, namedTokens, members }, destinations] = await Promise.all([
    readOrgSettings(getAppContext(), caller),
    listAlertDestinations(getAppContext(), caller),
  ]);
  const isAdmin = isAllowed(caller, "member.add");
  const managesAlerts = isAllowed(caller, "alerts.manage");

  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description={<>Organisation {user.orgName}</>} />
      {!isAdmin ? (
        <Alert tone="info">You are a viewer: you can read these settings, but only an admin can change them.</Alert>
      ) : null}

      <Card
        id="alerts"
        title="Alert destinations"
        description={
          <>
            URLs that receive NovaVMS&apos;s operational events, signed like deliveries with their own secret:{" "}
            <code>endpoint.disabled</code>, <code>delivery.exhausted</code> (at most one per webhook per 15 minutes,
            with a count), <code>recovery.completed</code> and <code>endpoint.certificate_expiring</code> (at most once
            a day per certificate). Admins also get them by email when the server has NOVAVMS_SMTP_URL set.
          </>
        }
      >
        <AlertDestinationsPanel destinations={destinations} canManage={managesAlerts} add={addAlertDestinationAction} />
      </Card>

      <Card
        id="api-token"
        title="API token"
        description={
          <>
            Producers send events to the API with this token: <code>Authorization: Bearer &lt;token&gt;</code>. It is{" "}
            <strong>not</strong> a webhook&apos;s signing secret; receivers verify signatures with the secret in that
            webhook&apos;s Signing tab (see{" "}
            <Link className="underline" href="/docs/webhook-signing">
              webhook signing
            </Link>
            ).
          </>
        }
      >
        <ApiTokenPanel
          prefix={token?.prefix ?? null}
          canManage={isAdmin}
          reveal={revealApiTokenAction}
          regenerate={regenerateApiTokenAction}
        />
        {token ? (
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-600">
            <dt>Created</dt>
            <dd>
              <Time value={token.createdAt} />
            </dd>
            <dt>Last used</dt>
            <dd>
              <Time value={token.lastUsedAt} />
            </dd>
          </dl>
        ) : null}
      </Card>

      <Card
        id="named-tokens"
        title="Named tokens"
        description={
          <>
            Tokens of their own for each producer or tool, each limited to the scopes it needs: a producer that only
            sends events gets <code>events:write</code>, and is refused anything else with{" "}
            <code>403 insufficient_scope</code>. A token is shown once, when created; revoking it takes effect at once.
          </>
        }
      >
        <NamedTokensPanel
          tokens={namedTokens}
          canManage={isAdmin}
          create={createNamedTokenAction}
          revoke={revokeNamedTokenAction}
        />
      </Card>

      <Card
        id="members"
        title="Members"
        description="Admins can change webhooks, secrets, the API token and members. Viewers can read everything."
      >
        <MembersTable
          members={members}
          currentUserId={user.id}
          actions={isAdmin ? { changeRole: changeMemberRoleAction, remove: removeMemberAction } : undefined}
        />
        {isAdmin ? (
          <div className="mt-6 border-t border-slate-200 pt-5">
            <AddMemberForm action={addMemberAction} />
          </div>
        ) : null}
      </Card>

      {isAdmin ? (
        <Card id="audit" title="Audit log" description="Who did what and when in your organisation.">
          <Link className="text-sm font-medium underline" href="/settings/audit">
            Open the audit log
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
