import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";

/**
 * Which secrets sign right now, written once for every reader (the dispatcher's claim, Replay,
 * the Signing tab and the API): the current one (no expiry) and any previous one still inside
 * its rotation grace period. `alias` is the signing_secrets table's alias, `now` the SQL
 * parameter holding the moment of the attempt or the read.
 */
export function validSecretSql(alias: string, now: string): string {
  return `(${alias}.expires_at IS NULL OR ${alias}.expires_at > ${now})`;
}

export type ValidSecretRow = { secret_encrypted: string; created_at: Date; expires_at: Date | null };

/** A webhook's valid secrets, still encrypted, newest first; none for another org's webhook. */
export async function readValidSecrets(db: Db, orgId: string, webhookId: string, now: Date): Promise<ValidSecretRow[]> {
  const { rows } = await db.pool.query<ValidSecretRow>(
    `SELECT s.secret_encrypted, s.created_at, s.expires_at
       FROM signing_secrets s JOIN webhooks w ON w.id = s.webhook_id
      WHERE s.webhook_id = $1 AND w.org_id = $2 AND ${validSecretSql("s", "$3")}
      ORDER BY s.created_at DESC, s.id DESC`,
    [webhookId, orgId, now],
  );
  return rows;
}

/** The secrets one attempt signs with, decrypted, newest first. */
export async function loadValidSecrets(
  db: Db,
  cipher: Cipher,
  orgId: string,
  webhookId: string,
  now: Date,
): Promise<string[]> {
  return (await readValidSecrets(db, orgId, webhookId, now)).map((row) => cipher.decrypt(row.secret_encrypted));
}
