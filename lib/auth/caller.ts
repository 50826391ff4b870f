import type { Role } from "@prisma/client";

/**
 * What an API token may do. Today every token has `all` (every permission its org's API offers);
 * narrower scopes are added here and granted per action in `policy.ts`.
 */
export type TokenScope = "all";

/**
 * Who is asking, decided once at the edge (`apiRoute` for the API, the session lookup for the
 * console) and passed to every `lib/` function that acts. Always bound to one org: every query of
 * the call is scoped to `orgId`. `system` is the process itself (first-run demo data, benchmarks,
 * fixtures), never built from a request.
 */
export type Caller =
  | { kind: "user"; id: string; orgId: string; role: Role }
  | { kind: "token"; id: string; orgId: string; scopes: readonly TokenScope[] }
  | { kind: "system"; orgId: string };

export type UserCaller = Extract<Caller, { kind: "user" }>;

export function userCaller(user: { id: string; orgId: string; role: Role }): UserCaller {
  return { kind: "user", id: user.id, orgId: user.orgId, role: user.role };
}

export function tokenCaller(token: { tokenId: string; orgId: string }): Caller {
  return { kind: "token", id: token.tokenId, orgId: token.orgId, scopes: ["all"] };
}

export function systemCaller(orgId: string): Caller {
  return { kind: "system", orgId };
}

/** The audit log's name for a caller: "user:<id>", "token:<id>" or "system". The only place it is built. */
export function auditActor(caller: Caller): string {
  switch (caller.kind) {
    case "user":
      return `user:${caller.id}`;
    case "token":
      return `token:${caller.id}`;
    case "system":
      return "system";
  }
}
