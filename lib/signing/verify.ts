import { timingSafeEqual } from "node:crypto";
import { hmac } from "./sign";

/**
 * For receivers: true when one of the `sha256=<hex>` values of an `X-NovaVMS-Signature` header is
 * the HMAC-SHA256 of `rawBody` keyed with `secret`. Compare in constant time, and pass the body
 * exactly as received (not re-serialised JSON).
 */
export function verifyNovaVmsSignature(
  rawBody: Buffer | string,
  header: string | null | undefined,
  secret: string,
): boolean {
  if (!header) return false;
  const expected = hmac(secret, Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, "utf8"));
  return header.split(",").some((part) => {
    const match = /^sha256=([0-9a-f]{64})$/.exec(part.trim());
    return match !== null && timingSafeEqual(Buffer.from(match[1], "hex"), expected);
  });
}
