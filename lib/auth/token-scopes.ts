import type { Action } from "./policy";

/**
 * What an API token may be granted. `all` is every permission the org's API offers (the org's
 * main token, and every token made before scopes); the others each open a few actions, so a
 * producer's token can be limited to what it needs (`events:write` sends events and nothing else).
 */
export const TOKEN_SCOPES = [
  "all",
  "events:write",
  "deliveries:read",
  "deliveries:replay",
  "webhooks:read",
  "webhooks:write",
  "signing:read",
  "signing:rotate",
  "recoveries:write",
] as const;

export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope opens, in words, for the Settings page and the README. */
export const SCOPE_DESCRIPTIONS: Record<TokenScope, string> = {
  all: "Everything the API offers, including the audit log",
  "events:write": "Send events (POST /events)",
  "deliveries:read": "Read deliveries and their attempts",
  "deliveries:replay": "Replay a delivery",
  "webhooks:read": "Read webhooks",
  "webhooks:write": "Create, change, delete and check webhooks",
  "signing:read": "Read a webhook's signing secrets",
  "signing:rotate": "Rotate a webhook's signing secret, verify it and end the grace period",
  "recoveries:write": "Start, follow and cancel bulk recoveries",
};

/**
 * The narrow scopes that grant an action to a token, besides `all`: the token-scope rows of the
 * policy table (`policy.ts` consults them for every token). An action missing here is for `all`
 * tokens only, and only where its row in `policy.ts` lets tokens do it at all.
 */
export const ACTION_SCOPES: Partial<Record<Action, readonly TokenScope[]>> = {
  "event.ingest": ["events:write"],
  "delivery.read": ["deliveries:read"],
  "delivery.replay": ["deliveries:replay"],
  "webhook.read": ["webhooks:read"],
  "webhook.create": ["webhooks:write"],
  "webhook.update": ["webhooks:write"],
  "webhook.delete": ["webhooks:write"],
  "webhook.policy.update": ["webhooks:write"],
  "webhook.check": ["webhooks:write"],
  "webhook.test_event": ["webhooks:write"],
  "webhook.secret.read": ["signing:read"],
  "webhook.secret.reveal": ["signing:read"],
  "webhook.secret.rotate": ["signing:rotate"],
  "webhook.secret.verify": ["signing:rotate"],
  "webhook.secret.expire_previous": ["signing:rotate"],
  "recovery.create": ["recoveries:write"],
  // A token that starts a recovery follows its progress.
  "recovery.read": ["recoveries:write"],
  "recovery.cancel": ["recoveries:write"],
};

/** The scopes that grant `action` to a token, narrowest first, given the scopes its policy row lists (`all` or none). */
export function scopesGranting(action: Action, rowScopes: readonly TokenScope[]): readonly TokenScope[] {
  if (!rowScopes.includes("all")) return rowScopes;
  return [...(ACTION_SCOPES[action] ?? []), ...rowScopes];
}

/** Keeps the known scopes of a stored list (a scope removed from the product grants nothing). */
export function knownScopes(stored: readonly string[] | null | undefined): TokenScope[] {
  return (stored ?? []).filter((scope): scope is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(scope));
}
