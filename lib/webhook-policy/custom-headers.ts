import { z } from "zod";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";

// Per-webhook custom headers, sent on every attempt (an API key the receiver's gateway expects,
// say). Their values may be secrets, so they are stored encrypted like signing secrets. Names the
// delivery contract or HTTP itself owns are refused: a custom header must never change how a
// request is signed, framed or routed.

export const MAX_CUSTOM_HEADERS = 20;

const RESERVED_EXACT = new Set([
  "content-type",
  "user-agent",
  "host",
  "content-length",
  // Hop-by-hop (RFC 9110 §7.6.1) and framing headers.
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "expect",
]);
const RESERVED_PREFIXES = ["x-novavms-", "webhook-"];

export type CustomHeader = { name: string; value: string };

/** Why a header name may not be used, or null when it may. */
export function refusedHeaderName(name: string): string | null {
  const lower = name.toLowerCase();
  if (RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    return `${name} is reserved: X-NovaVMS-* and webhook-* headers carry the delivery's identity and signature.`;
  }
  if (RESERVED_EXACT.has(lower)) {
    return `${name} is set by NovaVMS on every request (or is a hop-by-hop header) and cannot be overridden.`;
  }
  return null;
}

const headerSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "expected an HTTP header name (letters, digits and - _ . at most)")
    .superRefine((name, ctx) => {
      const refusal = refusedHeaderName(name);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
  value: z
    .string()
    .max(4_096, "at most 4096 characters")
    .regex(/^[\t\x20-\x7e\x80-\xff]*$/, "expected a header value without line breaks or control characters"),
});

export const customHeadersSchema = z
  .array(headerSchema)
  .max(MAX_CUSTOM_HEADERS, `at most ${MAX_CUSTOM_HEADERS} headers`)
  .superRefine((headers, ctx) => {
    const seen = new Set<string>();
    headers.forEach((header, index) => {
      const lower = header.name.toLowerCase();
      if (seen.has(lower))
        ctx.addIssue({ code: "custom", path: [index, "name"], message: `${header.name} is given twice` });
      seen.add(lower);
    });
  });

export function encryptCustomHeaders(cipher: Cipher, headers: CustomHeader[]): string | null {
  return headers.length === 0 ? null : cipher.encrypt(JSON.stringify(headers));
}

export function decryptCustomHeaders(cipher: Cipher, encrypted: string | null | undefined): CustomHeader[] {
  if (!encrypted) return [];
  return JSON.parse(cipher.decrypt(encrypted)) as CustomHeader[];
}

/** The headers as a request's header record. */
export function customHeaderRecord(headers: CustomHeader[]): Record<string, string> {
  return Object.fromEntries(headers.map((header) => [header.name, header.value]));
}

/**
 * The request as it is kept in the attempt log: custom header values may be secrets, so the log
 * (and the console's "Request as sent") shows them masked but for their last 4 characters.
 */
export function withMaskedCustomHeaders<R extends { headers: Record<string, string> }>(
  request: R,
  custom: Record<string, string> | undefined,
): R {
  if (!custom) return request;
  const headers = { ...request.headers };
  for (const name of Object.keys(custom)) {
    if (headers[name] !== undefined) headers[name] = maskValue(headers[name]);
  }
  return { ...request, headers };
}

function maskValue(value: string): string {
  return value.length <= 8 ? "••••" : `••••${value.slice(-4)}`;
}

/** A webhook's custom headers as a header record (undefined when it has none). */
export async function loadCustomHeaders(
  db: Db,
  cipher: Cipher,
  webhookId: string,
): Promise<Record<string, string> | undefined> {
  const webhook = await db.prisma.webhook.findUnique({
    where: { id: webhookId },
    select: { customHeadersEncrypted: true },
  });
  const headers = decryptCustomHeaders(cipher, webhook?.customHeadersEncrypted);
  return headers.length ? customHeaderRecord(headers) : undefined;
}
