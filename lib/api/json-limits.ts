import { ValidationError } from "../errors";

/** Deepest nesting of arrays and objects a JSON body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * JSON.parse with the limits the rest of the product relies on: no nesting deeper than
 * `MAX_JSON_DEPTH` (serialising a 60,000-deep value overflows the stack) and no `__proto__` key,
 * which every later copy of the object would silently drop or turn into its prototype.
 */
export function parseJsonLimited(text: string): unknown {
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ValidationError(`The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  let json: unknown;
  // A `__proto__` key is either written literally or spelled with a \u escape.
  const mayHaveProto = text.includes("__proto__") || text.includes("\\u");
  try {
    json = mayHaveProto ? JSON.parse(text, refuseProto) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError("The request body is not valid JSON.");
  }
  return json;
}

function refuseProto(key: string, value: unknown): unknown {
  if (key === "__proto__") throw new ValidationError('"__proto__" is not accepted as a key.');
  return value;
}

// Counts brackets outside strings; stops as soon as the limit is passed.
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Whether a string holds a NUL character, which PostgreSQL text cannot store. */
export function hasNul(value: string): boolean {
  return value.includes("\u0000");
}

/** Whether PostgreSQL can store the string as text: no NUL and no unpaired UTF-16 surrogate. */
export function isStorableText(value: string): boolean {
  return !hasNul(value) && !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}
