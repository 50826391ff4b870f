import type { Role } from "@prisma/client";
import { ForbiddenError, InsufficientScopeError, UnauthorizedError } from "../errors";
import type { AnyCaller } from "./caller";
import { scopesGranting, type TokenScope } from "./token-scopes";

/**
 * Each row says what every kind of caller may do: console users by role, API tokens by scope,
 * `operator` the operator token acting for one org (through `/api/v1/orgs/{id}/…`), `platform`
 * the operator token on the platform itself (the orgs API, bound to no org).
 */
export type Rule = { roles: readonly Role[]; scopes: readonly TokenScope[]; operator: boolean; platform: boolean };

const ANYONE_IN_ORG: Rule = { roles: ["admin", "viewer"], scopes: ["all"], operator: true, platform: false };
const ADMINS_AND_TOKENS: Rule = { roles: ["admin"], scopes: ["all"], operator: true, platform: false };
const ADMINS_ONLY: Rule = { roles: ["admin"], scopes: [], operator: false, platform: false };
// Console admins, and the operator setting it up for a customer; not the org's own API token.
const ADMINS_AND_OPERATOR: Rule = { roles: ["admin"], scopes: [], operator: true, platform: false };
const USERS_IN_ORG: Rule = { roles: ["admin", "viewer"], scopes: [], operator: false, platform: false };
const TOKENS_ONLY: Rule = { roles: [], scopes: ["all"], operator: true, platform: false };
const PLATFORM_ONLY: Rule = { roles: [], scopes: [], operator: false, platform: true };
const OPERATOR_FOR_ORG: Rule = { roles: [], scopes: [], operator: true, platform: false };

/**
 * Every action a `lib/` entry point performs, and who may perform it: console users by role, API
 * tokens by scope (`all` here; the narrower scopes that also grant an action are its rows in
 * `token-scopes.ts`). A new action gets a row here and passes its name to `authorize` first;
 * `authorization-matrix.test.ts` tries every row as every kind of caller. The org itself is not
 * decided here: each query is scoped to `caller.orgId`, so another org's ids are "not found".
 */
export const POLICY = {
  "webhook.read": ANYONE_IN_ORG,
  "webhook.create": ADMINS_AND_TOKENS,
  "webhook.update": ADMINS_AND_TOKENS,
  "webhook.delete": ADMINS_AND_TOKENS,
  "webhook.test_event": ADMINS_AND_TOKENS,
  "webhook.secret.read": ADMINS_AND_TOKENS,
  "webhook.secret.reveal": ADMINS_AND_TOKENS,
  "webhook.secret.rotate": ADMINS_AND_TOKENS,
  // Retry schedule, rate limit and custom headers (lib/webhook-policy), on create or update.
  "webhook.policy.update": ADMINS_AND_TOKENS,
  "webhook.secret.verify": ADMINS_AND_TOKENS,
  "webhook.secret.expire_previous": ADMINS_AND_TOKENS,
  "webhook.check": ADMINS_AND_TOKENS,
  "delivery.read": ANYONE_IN_ORG,
  "delivery.replay": ADMINS_AND_TOKENS,
  // Bulk recovery (lib/recovery): create covers the dry-run count too.
  "recovery.create": ADMINS_AND_TOKENS,
  "recovery.read": ANYONE_IN_ORG,
  "recovery.cancel": ADMINS_AND_TOKENS,
  // Alert destinations (webhooks of purpose "alerts"), managed in the console's Settings and by
  // the operator through /api/v1/orgs/{id}/alert-destinations.
  "alerts.manage": ADMINS_AND_OPERATOR,
  "event.ingest": TOKENS_ONLY,
  "org.settings.read": USERS_IN_ORG,
  "audit.read": ADMINS_AND_TOKENS,
  "api_token.reveal": ADMINS_ONLY,
  "api_token.regenerate": ADMINS_ONLY,
  // Named tokens with scopes, managed in the console's Settings.
  "api_token.create": ADMINS_ONLY,
  "api_token.revoke": ADMINS_ONLY,
  "member.add": ADMINS_ONLY,
  "member.change_role": ADMINS_ONLY,
  "member.remove": ADMINS_ONLY,
  "org.create": PLATFORM_ONLY,
  "org.list": PLATFORM_ONLY,
  "org.read": PLATFORM_ONLY,
  "org.update": PLATFORM_ONLY,
  "org.delete": PLATFORM_ONLY,
  "console_link.create": OPERATOR_FOR_ORG,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Whether `caller` may perform `action` (in its own org). */
export function isAllowed(caller: AnyCaller | null | undefined, action: Action): boolean {
  if (!caller) return false;
  const rule: Rule = POLICY[action];
  switch (caller.kind) {
    case "user":
      return rule.roles.includes(caller.role);
    case "token":
      return caller.scopes.some((scope) => scopesGranting(action, rule.scopes).includes(scope));
    case "operator":
      return rule.operator;
    case "platform":
      return rule.platform;
    case "system":
      return true;
  }
}

/**
 * Throws unless `caller` may perform `action`: UnauthorizedError for no one, InsufficientScopeError
 * for a token lacking a scope that grants it, ForbiddenError for a caller the table does not list.
 * Returns the caller, now known to be present.
 */
export function authorize<C extends AnyCaller>(caller: C | null | undefined, action: Action): C {
  if (!caller) throw new UnauthorizedError("Sign in or send an API token to do this.");
  if (isAllowed(caller, action)) return caller;
  // A token refused an action some scope grants lacks that scope; anything else is not for tokens.
  const granting = scopesGranting(action, POLICY[action].scopes);
  if (caller.kind === "token" && granting.length > 0) throw new InsufficientScopeError(granting);
  throw new ForbiddenError(refusal(caller));
}

function refusal(caller: AnyCaller): string {
  if (caller.kind === "user" && caller.role !== "admin") return `Only admins can do this. Your role is ${caller.role}.`;
  if (caller.kind === "user") return "This is done with the org's API token, not from the console.";
  if (caller.kind === "platform") return "Send this to /api/v1/orgs/{id}/…: the operator token acts for one org there.";
  if (caller.kind === "operator") return "The operator token does not do this for an org.";
  return "This API token is not allowed to do this.";
}
