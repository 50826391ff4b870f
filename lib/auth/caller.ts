import type { Role } from "@prisma/client";
import type { TokenScope } from "./token-scopes";

export type { TokenScope } from "./token-scopes";

/**
 * Who is asking, decided once at the edge (`apiRoute` for the API, the session lookup for the
 * console) and passed to every `lib/` function that acts. Always bound to one org: every query of
 * the call is scoped to `orgId`. `system` is the process itself (first-run demo data, benchmarks,
 * fixtures), never built from a request. `operator` is the platform's operator token acting for
 * one org, reached through `/api/v1/orgs/{id}/…`.
 */
export type Caller =
  | { kind: "user"; id: string; orgId: string; role: Role }
  | { kind: "token"; id: string; orgId: string; scopes: readonly TokenScope[] }
  | { kind: "operator"; id: string; orgId: string }
  | { kind: "system"; orgId: string };

/**
 * The operator token on the platform itself (create, list, change and delete orgs): bound to no
 * org, so it is a caller of its own kind that only the platform actions accept.
 */
export type PlatformCaller = { kind: "platform"; id: string };

/** Anyone an action can be asked by: an org-bound caller or the platform's operator. */
export type AnyCaller = Caller | PlatformCaller;

export type UserCaller = Extract<Caller, { kind: "user" }>;

export function userCaller(user: { id: string; orgId: string; role: Role }): UserCaller {
  return { kind: "user", id: user.id, orgId: user.orgId, role: user.role };
}

export function tokenCaller(token: { tokenId: string; orgId: string; scopes: readonly TokenScope[] }): Caller {
  return { kind: "token", id: token.tokenId, orgId: token.orgId, scopes: token.scopes };
}

export function platformCaller(operatorTokenId: string): PlatformCaller {
  return { kind: "platform", id: operatorTokenId };
}

/** The operator acting for one org, as the org-level actions see it. */
export function operatorCaller(operatorTokenId: string, orgId: string): Caller {
  return { kind: "operator", id: operatorTokenId, orgId };
}

export function systemCaller(orgId: string): Caller {
  return { kind: "system", orgId };
}

/**
 * The audit log's name for a caller: "user:<id>", "token:<id>", "operator:<id>" or "system". The
 * only place it is built.
 */
export function auditActor(caller: AnyCaller): string {
  switch (caller.kind) {
    case "user":
      return `user:${caller.id}`;
    case "token":
      return `token:${caller.id}`;
    case "operator":
    case "platform":
      return `operator:${caller.id}`;
    case "system":
      return "system";
  }
}
