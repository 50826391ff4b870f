import type { Role } from "@prisma/client";
import type { TokenScope } from "./token-scopes";

export type { TokenScope } from "./token-scopes";

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

export function tokenCaller(token: { tokenId: string; orgId: string; scopes: readonly TokenScope[] }): Caller {
  return { kind: "token", id: token.tokenId, orgId: token.orgId, scopes: token.scopes };
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
