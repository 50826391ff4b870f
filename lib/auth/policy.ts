import type { Role } from "@prisma/client";
import { ForbiddenError, UnauthorizedError } from "../errors";
import type { Caller, TokenScope } from "./caller";

type Rule = { roles: readonly Role[]; scopes: readonly TokenScope[] };

const ANYONE_IN_ORG: Rule = { roles: ["admin", "viewer"], scopes: ["all"] };
const ADMINS_AND_TOKENS: Rule = { roles: ["admin"], scopes: ["all"] };
const ADMINS_ONLY: Rule = { roles: ["admin"], scopes: [] };
const USERS_IN_ORG: Rule = { roles: ["admin", "viewer"], scopes: [] };
const TOKENS_ONLY: Rule = { roles: [], scopes: ["all"] };

/**
 * Every action a `lib/` entry point performs, and who may perform it: console users by role, API
 * tokens by scope. A new action gets a row here and passes its name to `authorize` first;
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
  // Alert destinations (webhooks of purpose "alerts"), managed in the console's Settings.
  "alerts.manage": ADMINS_ONLY,
  "event.ingest": TOKENS_ONLY,
  "org.settings.read": USERS_IN_ORG,
  "audit.read": ADMINS_AND_TOKENS,
  "api_token.reveal": ADMINS_ONLY,
  "api_token.regenerate": ADMINS_ONLY,
  "member.add": ADMINS_ONLY,
  "member.change_role": ADMINS_ONLY,
  "member.remove": ADMINS_ONLY,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** Whether `caller` may perform `action` (in its own org). */
export function isAllowed(caller: Caller | null | undefined, action: Action): boolean {
  if (!caller) return false;
  const rule: Rule = POLICY[action];
  switch (caller.kind) {
    case "user":
      return rule.roles.includes(caller.role);
    case "token":
      return caller.scopes.some((scope) => rule.scopes.includes(scope));
    case "system":
      return true;
  }
}

/**
 * Throws unless `caller` may perform `action`: UnauthorizedError for no one, ForbiddenError for a
 * caller the table does not list. Returns the caller, now known to be present.
 */
export function authorize(caller: Caller | null | undefined, action: Action): Caller {
  if (!caller) throw new UnauthorizedError("Sign in or send an API token to do this.");
  if (!isAllowed(caller, action)) throw new ForbiddenError(refusal(caller));
  return caller;
}

function refusal(caller: Caller): string {
  if (caller.kind === "user" && caller.role !== "admin") return `Only admins can do this. Your role is ${caller.role}.`;
  if (caller.kind === "user") return "This is done with the org's API token, not from the console.";
  return "This API token is not allowed to do this.";
}
