import type { z } from "zod";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "../errors";
import { hasNul, parseJsonLimited } from "./json-limits";

/**
 * The request body as raw bytes, refusing more than `maxBytes` without reading further (a
 * Content-Length over the limit is refused before reading anything).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** A JSON body validated by `schema`; every failure is a 4xx with a message naming the field. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = 65_536,
  options: { optional?: boolean } = {},
): Promise<z.infer<S>> {
  const raw = await readBodyCapped(request, maxBytes);
  // An optional body may be left out entirely: then the schema's defaults apply.
  if (options.optional && raw.length === 0) return validate(schema, {});
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaTypeError();
  return validate(schema, parseJsonLimited(raw.toString("utf8")));
}

/** Query parameters validated by `schema` (all values are strings; use z.coerce for numbers). */
export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const params = new URL(url).searchParams;
  const object: Record<string, string> = Object.create(null);
  for (const [key, value] of params) {
    if (hasNul(key) || hasNul(value)) throw new ValidationError(`${safeName(key)}: must not contain a NUL character`);
    object[key] = value;
  }
  return validate(schema, object);
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // No prototype: a field named `__proto__` is then an ordinary key.
  const fields: Record<string, string> = Object.create(null);
  for (const issue of result.error.issues) {
    const key = issue.path.length
      ? issue.path.join(".")
      : issue.code === "unrecognized_keys"
        ? issue.keys.join(",")
        : "body";
    fields[key] ??= issue.message;
  }
  const [first] = Object.entries(fields);
  throw new ValidationError(first[0] === "body" ? first[1] : `${first[0]}: ${first[1]}`, fields);
}

function safeName(key: string): string {
  return key.replaceAll("\u0000", "\\0").slice(0, 64);
}
