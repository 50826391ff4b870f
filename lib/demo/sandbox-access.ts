import { readBodyCapped } from "../api/parse";
import type { Db } from "../db/client";
import { PayloadTooLargeError } from "../errors";
import type { Cipher } from "../crypto/encryption";
import { verifyNovaVmsSignature } from "../signing/verify";
import { loadValidSecrets } from "../signing/valid-secrets";

/** The most of a request body the sandbox reads; the rest is not read at all. */
export const SANDBOX_MAX_BODY_BYTES = 1_048_576;

/**
 * Reads a request body without keeping it, up to `maxBytes`: true when it all fit. An anonymous
 * caller must not be able to grow this process's memory by POSTing a large body.
 */
export async function drainBodyCapped(request: Request, maxBytes = SANDBOX_MAX_BODY_BYTES): Promise<Buffer | null> {
  return readBodyCapped(request, maxBytes).catch((error: unknown) => {
    if (error instanceof PayloadTooLargeError) return null;
    throw error;
  });
}

/**
 * Outside demo mode the sandbox answers only deliveries this server signed: the
 * `X-NovaVMS-Delivery` header names a delivery whose webhook's secret signed this body.
 */
export async function isSignedDelivery(db: Db, cipher: Cipher, headers: Headers, body: Buffer): Promise<boolean> {
  const deliveryId = headers.get("x-novavms-delivery");
  const signature = headers.get("x-novavms-signature");
  if (!deliveryId || !signature || deliveryId.length > 64 || deliveryId.includes("\u0000")) return false;
  const { rows } = await db.pool.query<{ org_id: string; webhook_id: string }>(
    "SELECT org_id, webhook_id FROM deliveries WHERE id = $1",
    [deliveryId],
  );
  if (rows.length === 0) return false;
  const secrets = await loadValidSecrets(db, cipher, rows[0].org_id, rows[0].webhook_id, new Date());
  return secrets.some((secret) => verifyNovaVmsSignature(body, signature, secret));
}
