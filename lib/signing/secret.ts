import { randomBytes } from "node:crypto";

/** `whsec_<base64 of 32 random bytes>`: the Standard Webhooks secret format. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The key bytes of the Standard Webhooks signature: the base64-decoded part after `whsec_`. */
export function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}
