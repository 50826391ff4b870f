import type { Prisma } from "@prisma/client";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { hotStatement } from "../db/named-statements";
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
 * `last_used_at` is stamped at most once a minute per token, by a second statement only when it
 * is due: PostgreSQL planned the lookup with the stamp folded in (an `UPDATE` in a `WITH`) in
 * about 170 µs, eight times its execution, on every call (bench scenario 5's statement breakdown);
 * the lookup alone is also a named statement, planned once per connection.
 */
export async function authenticateApiToken(
  db: Db,
  authorization: string | null,
): Promise<{ orgId: string; tokenId: string; scopes: TokenScope[] } | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  const { rows } = await db.pool.query<{ id: string; org_id: string; scopes: string[] | null; stamp: boolean }>(
    await hotStatement(
      db,
      "novavms_api_token",
      `SELECT id, org_id, scopes, (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}') AS stamp
       FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hashToken(match[1])],
    ),
  );
  const token = rows[0];
  if (!token) return null;
  if (token.stamp) {
    await db.pool.query(
      `UPDATE api_tokens SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [token.id],
    );
  }
  return { orgId: token.org_id, tokenId: token.id, scopes: knownScopes(token.scopes) };
}
