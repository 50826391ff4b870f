import type { Db } from "../db/client";
import { newId } from "../ids";
import { generateToken, hashToken } from "./tokens";

export const OPERATOR_TOKEN_PREFIX = "nvop";

/**
 * Stores an operator token (only its hash: unlike an org's API token nobody can reveal it later)
 * unless that token is already stored. Returns the token.
 */
export async function storeOperatorToken(db: Db, token = generateToken(OPERATOR_TOKEN_PREFIX)): Promise<string> {
  await db.pool.query(
    `INSERT INTO operator_tokens (id, token_hash, prefix) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING`,
    [newId("opt"), hashToken(token), token.slice(0, 9)],
  );
  return token;
}

/** The operator token's id for a `Bearer` header, or null when it is not a live operator token. */
export async function authenticateOperatorToken(db: Db, authorization: string | null): Promise<string | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  const { rows } = await db.pool.query<{ id: string }>(
    "SELECT id FROM operator_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    [hashToken(match[1])],
  );
  return rows[0]?.id ?? null;
}
