import type { Prisma } from "@prisma/client";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { newId } from "../ids";
import { generateToken, hashToken } from "./tokens";

export const API_TOKEN_PREFIX = "nvms";

type Tx = Prisma.TransactionClient;

/** Stores a token for the org (hashed for lookup, encrypted so admins can reveal it). */
export async function createApiToken(tx: Tx, cipher: Cipher, orgId: string, token = generateToken(API_TOKEN_PREFIX)) {
  await tx.apiToken.create({
    data: {
      id: newId("tok"),
      orgId,
      tokenHash: hashToken(token),
      tokenEncrypted: cipher.encrypt(token),
      prefix: token.slice(0, 9),
    },
  });
  return token;
}

/** The org a bearer token belongs to, or null for a missing, unknown or revoked token. */
export async function authenticateApiToken(db: Db, authorization: string | null): Promise<{ orgId: string; tokenId: string } | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  const token = await db.prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, orgId: true, revokedAt: true },
  });
  if (!token || token.revokedAt) return null;
  return { orgId: token.orgId, tokenId: token.id };
}
