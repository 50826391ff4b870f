import type { Role } from "@prisma/client";
import type { Db } from "../db/client";

// Reads for the Settings page, always by the signed-in user's orgId.

export type ApiTokenSummary = { id: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };
export type Member = { id: string; email: string; name: string; role: Role; createdAt: Date };

/** The org's API token in use (the newest one not revoked), without its value. */
export async function getActiveApiToken(db: Db, orgId: string): Promise<ApiTokenSummary | null> {
  return db.prisma.apiToken.findFirst({
    where: { orgId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Everyone in the org, oldest first, so the founding admin stays on top. */
export async function listMembers(db: Db, orgId: string): Promise<Member[]> {
  return db.prisma.user.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}
