import { createHmac } from "node:crypto";
import { standardWebhooksKey } from "./secret";

export type SignatureHeaders = {
  "X-NovaVMS-Signature": string;
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Both signature schemes over the raw body, one signature per valid secret, newest secret first
 * (during a rotation grace period a receiver that knows either secret can verify).
 *
 * - `X-NovaVMS-Signature: sha256=<hex>` — HMAC-SHA256 of the body, keyed with the secret string's
 *   UTF-8 bytes exactly as shown in the Signing tab; several joined with ",".
 * - Standard Webhooks: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the
 *   base64-decoded part of the secret; several joined with " ".
 */
export function signPayload(input: {
  secrets: string[];
  body: Buffer;
  messageId: string;
  timestamp: Date;
}): SignatureHeaders {
  if (input.secrets.length === 0) throw new Error("a webhook always has a current signing secret");
  const seconds = String(Math.floor(input.timestamp.getTime() / 1000));
  const signedContent = Buffer.concat([Buffer.from(`${input.messageId}.${seconds}.`), input.body]);
  return {
    "X-NovaVMS-Signature": input.secrets
      .map((secret) => `sha256=${hmac(secret, input.body).toString("hex")}`)
      .join(","),
    "webhook-id": input.messageId,
    "webhook-timestamp": seconds,
    "webhook-signature": input.secrets
      .map((secret) => `v1,${hmac(standardWebhooksKey(secret), signedContent).toString("base64")}`)
      .join(" "),
  };
}

export function hmac(key: string | Buffer, data: Buffer): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
