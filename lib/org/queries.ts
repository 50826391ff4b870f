import type { Role } from "@prisma/client";
import { MAIN_TOKEN } from "../auth/api-tokens";
import { knownScopes, type TokenScope } from "../auth/token-scopes";
import type { Db } from "../db/client";

// Reads for the Settings page, always by the signed-in user's orgId.

export type ApiTokenSummary = { id: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };
export type NamedTokenSummary = ApiTokenSummary & { name: string; scopes: TokenScope[] };
export type Member = { id: string; email: string; name: string; role: Role; createdAt: Date };

/** The org's main API token in use (the newest one not revoked), without its value. */
export async function getActiveApiToken(db: Db, orgId: string): Promise<ApiTokenSummary | null> {
  return db.prisma.apiToken.findFirst({
    where: { orgId, revokedAt: null, ...MAIN_TOKEN },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** The org's live named tokens, newest first, without their values. */
export async function listNamedApiTokens(db: Db, orgId: string): Promise<NamedTokenSummary[]> {
  const rows = await db.prisma.apiToken.findMany({
    where: { orgId, revokedAt: null, tokenEncrypted: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map((row) => ({ ...row, scopes: knownScopes(row.scopes) }));
}

/** Everyone in the org, oldest first, so the founding admin stays on top. */
export async function listMembers(db: Db, orgId: string): Promise<Member[]> {
  return db.prisma.user.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}
