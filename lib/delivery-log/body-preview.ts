// How a stored response body (at most 1024 bytes, any encoding) is shown: as text when it is
// UTF-8, pretty-printed when it is complete JSON, as a hex dump when it is binary. A multi-byte
// character cut by the 1024-byte limit is dropped from the text, never shown garbled.

export type BodyPreview =
  | { kind: "empty" }
  | { kind: "text" | "json"; text: string; truncated: boolean }
  | { kind: "binary"; hex: string; truncated: boolean };

export function previewBody(bytes: Buffer | null, truncated: boolean): BodyPreview {
  if (!bytes || bytes.length === 0) return { kind: "empty" };
  const text = decodeUtf8(truncated ? withoutCutCharacter(bytes) : bytes);
  if (text === null || hasBinaryControls(text)) return { kind: "binary", hex: hexDump(bytes), truncated };
  if (!truncated) {
    try {
      return { kind: "json", text: JSON.stringify(JSON.parse(text), null, 2), truncated };
    } catch {
      // not JSON: shown as it is
    }
  }
  return { kind: "text", text, truncated };
}

/** The body as the API's `response_body` string: UTF-8 text, or null when binary. */
export function bodyAsText(bytes: Buffer | null, truncated: boolean): string | null {
  if (!bytes) return null;
  const text = decodeUtf8(truncated ? withoutCutCharacter(bytes) : bytes);
  return text === null || hasBinaryControls(text) ? null : text;
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Drops a trailing incomplete UTF-8 sequence (at most 3 bytes). */
function withoutCutCharacter(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

function hasBinaryControls(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f]/.test(text);
}

function hexDump(bytes: Buffer): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${offset.toString(16).padStart(4, "0")}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join("\n");
}
