import type { AnyCaller, Caller, UserCaller } from "@/lib/auth/caller";
import type { Action } from "@/lib/auth/policy";
import type { AppContext } from "@/lib/context";
import { createConsoleLink } from "@/lib/console-links/create-link";
import { readAuditEvents } from "@/lib/audit/read-audit-log";
import { readDelivery } from "@/lib/delivery-log/read-deliveries";
import { replayDelivery } from "@/lib/attempts/replay";
import { ingestEvent } from "@/lib/events/ingest";
import { addMember } from "@/lib/org/add-member";
import { regenerateApiToken, revealApiToken } from "@/lib/org/api-token";
import { createNamedToken, revokeNamedToken } from "@/lib/org/named-tokens";
import { changeMemberRole } from "@/lib/org/change-member-role";
import { readOrgSettings } from "@/lib/org/read-settings";
import { removeMember } from "@/lib/org/remove-member";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { createOrg, listOrgs, readOrg, updateOrg } from "@/lib/orgs/manage-orgs";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { readSigningSecrets, readWebhook } from "@/lib/webhooks/read-webhooks";
import { revealSigningSecret } from "@/lib/webhooks/reveal-secret";
import { rotateSigningSecret } from "@/lib/signing/rotate-secret";
import { checkEndpoint } from "@/lib/endpoint-check/run-check";
import { endGracePeriod } from "@/lib/secret-check/end-grace-period";
import { verifyNewSecret } from "@/lib/secret-check/verify-new-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { updateWebhook } from "@/lib/webhooks/update-webhook";
import * as consoleLinksRoute from "./api/v1/console-links/route";
import { createAlertDestination } from "@/lib/alerts/destinations";
import { cancelRecovery } from "@/lib/recovery/cancel";
import { createRecovery } from "@/lib/recovery/create";
import { readRecovery } from "@/lib/recovery/read-recoveries";
import * as recoveriesRoute from "./api/v1/recoveries/route";
import * as recoveryRoute from "./api/v1/recoveries/[id]/route";
import * as cancelRecoveryRoute from "./api/v1/recoveries/[id]/cancel/route";
import * as auditEventsRoute from "./api/v1/audit-events/route";
import * as alertDestinationsRoute from "./api/v1/alert-destinations/route";
import * as deliveryRoute from "./api/v1/deliveries/[id]/route";
import * as replayRoute from "./api/v1/deliveries/[id]/replay/route";
import * as deliveriesRoute from "./api/v1/deliveries/route";
import * as eventsRoute from "./api/v1/events/route";
import * as eventsBatchRoute from "./api/v1/events/batch/route";
import * as orgRoute from "./api/v1/orgs/[org]/route";
import * as orgsRoute from "./api/v1/orgs/route";
import * as webhookRoute from "./api/v1/webhooks/[id]/route";
import * as rotateRoute from "./api/v1/webhooks/[id]/signing/rotate/route";
import * as checkRoute from "./api/v1/webhooks/[id]/check/route";
import * as expirePreviousRoute from "./api/v1/webhooks/[id]/signing/expire-previous/route";
import * as verifyRoute from "./api/v1/webhooks/[id]/signing/verify/route";
import * as signingRoute from "./api/v1/webhooks/[id]/signing/route";
import * as webhooksRoute from "./api/v1/webhooks/route";

// Test-only: how authorization-matrix.test.ts performs each action of the policy table, through
// its lib/ entry point and through every /api/v1 route that performs it. Typed by the table, so
// a row without an entry does not compile.

export type Fixture = {
  orgId: string;
  apiToken: string;
  otherApiToken: string;
  admin: UserCaller;
  viewer: UserCaller;
  /** A viewer of org A that member actions act on. */
  memberId: string;
  token: Caller;
  otherAdmin: UserCaller;
  webhookId: string;
  deliveryId: string;
  /** The platform's operator token, and the callers it makes (on the platform; acting for org A). */
  operatorToken: string;
  platform: AnyCaller;
  operator: Caller;
  /** A finished (cancelled) recovery of org A, so another can be started. */
  recoveryId: string;
  /** A named (scoped) API token of org A that revoking acts on. */
  namedTokenId: string;
};

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

type ApiRoute = {
  name: string;
  method: string;
  handler: Handler;
  path: (f: Fixture) => string;
  params?: (f: Fixture) => Record<string, string>;
  body?: (f: Fixture) => unknown;
  /** Overrides the action's: a list acts on no particular id. */
  targeted?: boolean;
  /** A route of the orgs API (`/api/v1/orgs…`); any other is also tried as `/api/v1/orgs/{id}/…`. */
  platform?: boolean;
};

type Entry = {
  /** Acts on one of org A's ids, so another org's caller gets "not found". */
  targeted: boolean;
  lib: (ctx: AppContext, caller: Caller, f: Fixture) => Promise<unknown>;
  /** Platform actions take the operator's platform caller instead of one bound to org A. */
  platform?: boolean;
  api: ApiRoute[];
};

const webhookPath = (suffix = "") => ({
  path: (f: Fixture) => `/webhooks/${f.webhookId}${suffix}`,
  params: (f: Fixture) => ({ id: f.webhookId }),
});
const deliveryPath = (suffix = "") => ({
  path: (f: Fixture) => `/deliveries/${f.deliveryId}${suffix}`,
  params: (f: Fixture) => ({ id: f.deliveryId }),
});
const recoveryPath = (suffix = "") => ({
  path: (f: Fixture) => `/recoveries/${f.recoveryId}${suffix}`,
  params: (f: Fixture) => ({ id: f.recoveryId }),
});
const newRecovery = (f: Fixture) => ({ webhook_id: f.webhookId, since: new Date(0).toISOString(), dry_run: false });
const handler = (route: unknown) => route as Handler;
const orgPath = () => ({
  path: (f: Fixture) => `/orgs/${f.orgId}`,
  params: (f: Fixture) => ({ org: f.orgId }),
});
const newLink = { email: "linked@example.test", role: "viewer" as const, expires_in: 900 };
const newWebhook = { url: "https://example.com/new", description: "", event_types: [], enabled: true };

export const ACTION_ENTRIES: Record<Action, Entry> = {
  "webhook.read": {
    targeted: true,
    lib: (ctx, caller, f) => readWebhook(ctx, caller, { webhookId: f.webhookId }),
    api: [
      { name: "GET /webhooks/{id}", method: "GET", handler: handler(webhookRoute.GET), ...webhookPath() },
      {
        name: "GET /webhooks",
        method: "GET",
        handler: handler(webhooksRoute.GET),
        path: () => "/webhooks",
        targeted: false,
      },
    ],
  },
  "webhook.create": {
    targeted: false,
    lib: (ctx, caller) => createWebhook(ctx, caller, newWebhook),
    api: [
      {
        name: "POST /webhooks",
        method: "POST",
        handler: handler(webhooksRoute.POST),
        path: () => "/webhooks",
        body: () => ({ url: newWebhook.url }),
      },
    ],
  },
  "webhook.update": {
    targeted: true,
    lib: (ctx, caller, f) => updateWebhook(ctx, caller, { webhookId: f.webhookId, changes: { enabled: false } }),
    api: [
      {
        name: "PATCH /webhooks/{id}",
        method: "PATCH",
        handler: handler(webhookRoute.PATCH),
        ...webhookPath(),
        body: () => ({ enabled: false }),
      },
    ],
  },
  "webhook.policy.update": {
    targeted: true,
    lib: (ctx, caller, f) =>
      updateWebhook(ctx, caller, { webhookId: f.webhookId, changes: { rate_limit_per_second: 5 } }),
    api: [
      {
        name: "PATCH /webhooks/{id} (policy)",
        method: "PATCH",
        handler: handler(webhookRoute.PATCH),
        ...webhookPath(),
        body: () => ({ rate_limit_per_second: 5 }),
      },
    ],
  },
  "webhook.delete": {
    targeted: true,
    lib: (ctx, caller, f) => deleteWebhook(ctx, caller, { webhookId: f.webhookId }),
    api: [{ name: "DELETE /webhooks/{id}", method: "DELETE", handler: handler(webhookRoute.DELETE), ...webhookPath() }],
  },
  "webhook.test_event": {
    targeted: true,
    lib: (ctx, caller, f) => sendTestEvent(ctx, caller, { webhookId: f.webhookId }),
    api: [],
  },
  "webhook.secret.read": {
    targeted: true,
    lib: (ctx, caller, f) => readSigningSecrets(ctx, caller, { webhookId: f.webhookId }),
    api: [
      {
        name: "GET /webhooks/{id}/signing",
        method: "GET",
        handler: handler(signingRoute.GET),
        ...webhookPath("/signing"),
      },
    ],
  },
  "webhook.secret.reveal": {
    targeted: true,
    lib: (ctx, caller, f) => revealSigningSecret(ctx, caller, { webhookId: f.webhookId }),
    api: [],
  },
  "webhook.secret.rotate": {
    targeted: true,
    lib: (ctx, caller, f) => rotateSigningSecret(ctx, caller, { webhookId: f.webhookId, graceSeconds: 0 }),
    api: [
      {
        name: "POST /webhooks/{id}/signing/rotate",
        method: "POST",
        handler: handler(rotateRoute.POST),
        ...webhookPath("/signing/rotate"),
        body: () => ({ grace_period_seconds: 0 }),
      },
    ],
  },
  "webhook.secret.verify": {
    targeted: true,
    lib: (ctx, caller, f) => verifyNewSecret(ctx, caller, { webhookId: f.webhookId }),
    api: [
      {
        name: "POST /webhooks/{id}/signing/verify",
        method: "POST",
        handler: handler(verifyRoute.POST),
        ...webhookPath("/signing/verify"),
      },
    ],
  },
  "webhook.secret.expire_previous": {
    targeted: true,
    lib: (ctx, caller, f) => endGracePeriod(ctx, caller, { webhookId: f.webhookId }),
    api: [
      {
        name: "POST /webhooks/{id}/signing/expire-previous",
        method: "POST",
        handler: handler(expirePreviousRoute.POST),
        ...webhookPath("/signing/expire-previous"),
      },
    ],
  },
  "webhook.check": {
    targeted: true,
    lib: (ctx, caller, f) => checkEndpoint(ctx, caller, { webhookId: f.webhookId }),
    api: [
      {
        name: "POST /webhooks/{id}/check",
        method: "POST",
        handler: handler(checkRoute.POST),
        ...webhookPath("/check"),
      },
    ],
  },
  "delivery.read": {
    targeted: true,
    lib: (ctx, caller, f) => readDelivery(ctx, caller, { deliveryId: f.deliveryId }),
    api: [
      { name: "GET /deliveries/{id}", method: "GET", handler: handler(deliveryRoute.GET), ...deliveryPath() },
      {
        name: "GET /deliveries",
        method: "GET",
        handler: handler(deliveriesRoute.GET),
        path: () => "/deliveries",
        targeted: false,
      },
    ],
  },
  "delivery.replay": {
    targeted: true,
    lib: (ctx, caller, f) => replayDelivery(ctx, caller, { deliveryId: f.deliveryId }),
    api: [
      {
        name: "POST /deliveries/{id}/replay",
        method: "POST",
        handler: handler(replayRoute.POST),
        ...deliveryPath("/replay"),
      },
    ],
  },
  "recovery.create": {
    targeted: true,
    lib: (ctx, caller, f) =>
      createRecovery(ctx, caller, {
        webhook_id: f.webhookId,
        since: new Date(0),
        statuses: ["failed"],
        dry_run: false,
      }),
    api: [
      {
        name: "POST /recoveries",
        method: "POST",
        handler: handler(recoveriesRoute.POST),
        path: () => "/recoveries",
        body: newRecovery,
      },
    ],
  },
  "recovery.read": {
    targeted: true,
    lib: (ctx, caller, f) => readRecovery(ctx, caller, { recoveryId: f.recoveryId }),
    api: [
      { name: "GET /recoveries/{id}", method: "GET", handler: handler(recoveryRoute.GET), ...recoveryPath() },
      {
        name: "GET /recoveries",
        method: "GET",
        handler: handler(recoveriesRoute.GET),
        path: () => "/recoveries",
        targeted: false,
      },
    ],
  },
  "recovery.cancel": {
    targeted: true,
    lib: (ctx, caller, f) => cancelRecovery(ctx, caller, { recoveryId: f.recoveryId }),
    api: [
      {
        name: "POST /recoveries/{id}/cancel",
        method: "POST",
        handler: handler(cancelRecoveryRoute.POST),
        ...recoveryPath("/cancel"),
      },
    ],
  },
  "alerts.manage": {
    targeted: false,
    lib: (ctx, caller) => createAlertDestination(ctx, caller, { url: "https://example.com/alerts" }),
    api: [
      {
        name: "POST /alert-destinations",
        method: "POST",
        handler: handler(alertDestinationsRoute.POST),
        path: () => "/alert-destinations",
        body: () => ({ url: "https://example.com/alerts" }),
      },
      {
        name: "GET /alert-destinations",
        method: "GET",
        handler: handler(alertDestinationsRoute.GET),
        path: () => "/alert-destinations",
      },
    ],
  },
  "event.ingest": {
    targeted: false,
    lib: (ctx, caller) => ingestEvent(ctx, caller, { type: "camera.offline", data: {} }),
    api: [
      {
        name: "POST /events",
        method: "POST",
        handler: handler(eventsRoute.POST),
        path: () => "/events",
        body: () => ({ type: "camera.offline", data: {} }),
      },
      {
        name: "POST /events/batch",
        method: "POST",
        handler: handler(eventsBatchRoute.POST),
        path: () => "/events/batch",
        body: () => ({ events: [{ type: "camera.offline", data: {} }] }),
      },
    ],
  },
  "org.settings.read": { targeted: false, lib: (ctx, caller) => readOrgSettings(ctx, caller), api: [] },
  "audit.read": {
    targeted: false,
    lib: (ctx, caller) => readAuditEvents(ctx, caller, { limit: 10 }),
    api: [
      {
        name: "GET /audit-events",
        method: "GET",
        handler: handler(auditEventsRoute.GET),
        path: () => "/audit-events",
      },
    ],
  },
  "api_token.reveal": { targeted: false, lib: (ctx, caller) => revealApiToken(ctx, caller), api: [] },
  "api_token.regenerate": { targeted: false, lib: (ctx, caller) => regenerateApiToken(ctx, caller), api: [] },
  "api_token.create": {
    targeted: false,
    lib: (ctx, caller) => createNamedToken(ctx, caller, { name: "producer", scopes: ["events:write"] }),
    api: [],
  },
  "api_token.revoke": {
    targeted: true,
    lib: (ctx, caller, f) => revokeNamedToken(ctx, caller, { tokenId: f.namedTokenId }),
    api: [],
  },
  "member.add": {
    targeted: false,
    lib: (ctx, caller, f) =>
      addMember(ctx, caller, {
        email: `new.${f.memberId}@example.test`,
        name: "",
        role: "viewer",
        password: "long-enough",
      }),
    api: [],
  },
  "member.change_role": {
    targeted: true,
    lib: (ctx, caller, f) => changeMemberRole(ctx, caller, { userId: f.memberId, role: "admin" }),
    api: [],
  },
  "member.remove": {
    targeted: true,
    lib: (ctx, caller, f) => removeMember(ctx, caller, { userId: f.memberId }),
    api: [],
  },
  "org.create": {
    targeted: false,
    platform: true,
    lib: (ctx, caller) => createOrg(ctx, caller, { name: "New org" }),
    api: [
      {
        name: "POST /orgs",
        method: "POST",
        handler: handler(orgsRoute.POST),
        path: () => "/orgs",
        body: () => ({ name: "New org" }),
        platform: true,
      },
    ],
  },
  "org.list": {
    targeted: false,
    platform: true,
    lib: (ctx, caller) => listOrgs(ctx, caller, { limit: 20 }),
    api: [{ name: "GET /orgs", method: "GET", handler: handler(orgsRoute.GET), path: () => "/orgs", platform: true }],
  },
  "org.read": {
    targeted: true,
    platform: true,
    lib: (ctx, caller, f) => readOrg(ctx, caller, { ref: f.orgId }),
    api: [{ name: "GET /orgs/{id}", method: "GET", handler: handler(orgRoute.GET), ...orgPath(), platform: true }],
  },
  "org.update": {
    targeted: true,
    platform: true,
    lib: (ctx, caller, f) => updateOrg(ctx, caller, { ref: f.orgId, changes: { name: "Renamed" } }),
    api: [
      {
        name: "PATCH /orgs/{id}",
        method: "PATCH",
        handler: handler(orgRoute.PATCH),
        ...orgPath(),
        body: () => ({ name: "Renamed" }),
        platform: true,
      },
    ],
  },
  "org.delete": {
    targeted: true,
    platform: true,
    lib: (ctx, caller, f) => deleteOrg(ctx, caller, { ref: f.orgId }),
    api: [
      { name: "DELETE /orgs/{id}", method: "DELETE", handler: handler(orgRoute.DELETE), ...orgPath(), platform: true },
    ],
  },
  "console_link.create": {
    targeted: false,
    lib: (ctx, caller) => createConsoleLink(ctx, caller, { ...newLink, baseUrl: "http://localhost" }),
    api: [
      {
        name: "POST /console-links",
        method: "POST",
        handler: handler(consoleLinksRoute.POST),
        path: () => "/console-links",
        body: () => newLink,
      },
    ],
  },
};
