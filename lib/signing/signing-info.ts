import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { readValidSecrets } from "./valid-secrets";

export type SigningInfo = {
  secret: string;
  created_at: string;
  previous: Array<{ created_at: string; expires_at: string }>;
};

/** The Signing tab and `GET /webhooks/{id}/signing`: the current secret and the ones still valid. */
export async function getSigningInfo(
  db: Db,
  cipher: Cipher,
  orgId: string,
  webhookId: string,
  now = new Date(),
): Promise<SigningInfo> {
  const rows = await readValidSecrets(db, orgId, webhookId, now);
  const current = rows.find((row) => row.expires_at === null);
  if (!current) throw new NotFoundError("Webhook");
  return {
    secret: cipher.decrypt(current.secret_encrypted),
    created_at: current.created_at.toISOString(),
    previous: rows
      .filter((row) => row.expires_at !== null)
      .map((row) => ({ created_at: row.created_at.toISOString(), expires_at: row.expires_at!.toISOString() })),
  };
}
