import type { Prisma } from "@prisma/client";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { newId } from "../ids";
import { knownScopes, type TokenScope } from "./token-scopes";
import { generateToken, hashToken } from "./tokens";

export const API_TOKEN_PREFIX = "nvms";
const LAST_USED_RESOLUTION = "1 minute";

type Tx = Prisma.TransactionClient;

/** The org's main token: the one kept encrypted so admins can reveal it (named tokens are only hashed). */
export const MAIN_TOKEN = { tokenEncrypted: { not: null } } satisfies Prisma.ApiTokenWhereInput;

/** Stores the org's main token (scope `all`; hashed for lookup, encrypted so admins can reveal it). */
export async function createApiToken(tx: Tx, cipher: Cipher, orgId: string, token = generateToken(API_TOKEN_PREFIX)) {
  await tx.apiToken.create({
    data: {
      id: newId("tok"),
      orgId,
      tokenHash: hashToken(token),
      tokenEncrypted: cipher.encrypt(token),
      prefix: tokenPrefix(token),
      scopes: ["all"],
    },
  });
  return token;
}

/** Stores a named token with its scopes, hashed only: its value is returned once and never again. */
export async function createNamedApiToken(tx: Tx, orgId: string, input: { name: string; scopes: TokenScope[] }) {
  const token = generateToken(API_TOKEN_PREFIX);
  const row = await tx.apiToken.create({
    data: {
      id: newId("tok"),
      orgId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: tokenPrefix(token),
      scopes: input.scopes,
    },
    select: { id: true, prefix: true },
  });
  return { ...row, token };
}

/** What Settings shows of a token: enough to recognise it, useless to present. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 9);
}

/**
 * The org and scopes of a bearer token, or null for a missing, unknown or revoked token. Plain SQL
 * on the unique hash index: it runs on every API call, and the ORM's overhead showed in profiles.
 * The same round trip stamps `last_used_at`, at most once a minute per token so that busy tokens
 * do not turn every call into a write.
 */
export async function authenticateApiToken(
  db: Db,
  authorization: string | null,
): Promise<{ orgId: string; tokenId: string; scopes: TokenScope[] } | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  const { rows } = await db.pool.query<{ id: string; org_id: string; scopes: string[] | null }>(
    `WITH token AS (
       SELECT id, org_id, scopes, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL
     ), used AS (
       UPDATE api_tokens t SET last_used_at = now() FROM token
        WHERE t.id = token.id AND (token.last_used_at IS NULL OR token.last_used_at < now() - interval '${LAST_USED_RESOLUTION}')
     )
     SELECT id, org_id, scopes FROM token`,
    [hashToken(match[1])],
  );
  return rows[0] ? { orgId: rows[0].org_id, tokenId: rows[0].id, scopes: knownScopes(rows[0].scopes) } : null;
}
