import { describe, expect, it } from "vitest";
import { bodyAsText, previewBody } from "./body-preview";

// How a stored response body (at most 1024 bytes, exactly as received) is shown in the console
// and given by the API.

describe("previewBody", () => {
  it("shows nothing for no body", () => {
    expect(previewBody(null, false)).toEqual({ kind: "empty" });
    expect(previewBody(Buffer.alloc(0), false)).toEqual({ kind: "empty" });
  });

  it("pretty-prints complete JSON and shows other text as it is", () => {
    expect(previewBody(Buffer.from('{"a":[1,2]}'), false)).toEqual({
      kind: "json",
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
      truncated: false,
    });
    expect(previewBody(Buffer.from("Bad Gateway"), false)).toEqual({
      kind: "text",
      text: "Bad Gateway",
      truncated: false,
    });
  });

  it("shows cut JSON as text, since it cannot be parsed", () => {
    expect(previewBody(Buffer.from('{"error":"over'), true)).toEqual({
      kind: "text",
      text: '{"error":"over',
      truncated: true,
    });
  });

  it.each([
    ["é (2 bytes), cut after 1", "é", 1],
    ["€ (3 bytes), cut after 2", "€", 2],
    ["€ (3 bytes), cut after 1", "€", 1],
    ["😀 (4 bytes), cut after 3", "😀", 3],
  ])("drops a multi-byte character the 1 KB limit cut: %s", (_name, character, kept) => {
    const prefix = "x".repeat(1024 - kept);
    const stored = Buffer.concat([Buffer.from(prefix), Buffer.from(character).subarray(0, kept)]);
    expect(stored).toHaveLength(1024);
    expect(previewBody(stored, true)).toEqual({ kind: "text", text: prefix, truncated: true });
    expect(bodyAsText(stored, true)).toBe(prefix);
  });

  it("keeps a multi-byte character that ends exactly at the limit", () => {
    const stored = Buffer.from(`${"x".repeat(1020)}😀`);
    expect(stored).toHaveLength(1024);
    expect(previewBody(stored, true)).toEqual({ kind: "text", text: `${"x".repeat(1020)}😀`, truncated: true });
  });

  it("treats a broken character in an untruncated body as binary, not as text to repair", () => {
    const stored = Buffer.concat([Buffer.from("ok "), Buffer.from("€").subarray(0, 2)]);
    expect(previewBody(stored, false)).toEqual({
      kind: "binary",
      hex: "0000  6f 6b 20 e2 82" + " ".repeat(33) + "  ok ..",
      truncated: false,
    });
  });

  it("shows a binary body as a hex dump: offset, 16 bytes, their printable characters", () => {
    const bytes = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x7f, 0x41,
    ]);
    const preview = previewBody(bytes, false);
    expect(preview).toEqual({
      kind: "binary",
      hex: [
        "0000  89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52  .PNG........IHDR",
        `0010  00 7f 41${" ".repeat(39)}  ..A`,
      ].join("\n"),
      truncated: false,
    });
  });

  it("treats valid UTF-8 with control characters as binary", () => {
    expect(previewBody(Buffer.from("a\u0000b"), true)).toMatchObject({ kind: "binary", truncated: true });
    // Tabs and newlines are text.
    expect(previewBody(Buffer.from("a\tb\r\n"), false)).toEqual({ kind: "text", text: "a\tb\r\n", truncated: false });
  });
});

describe("bodyAsText (the API's response_body)", () => {
  it("is the UTF-8 text, or null when there is no body or it is binary", () => {
    expect(bodyAsText(Buffer.from('{"ok":true}'), false)).toBe('{"ok":true}');
    expect(bodyAsText(null, false)).toBeNull();
    expect(bodyAsText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), false)).toBeNull();
    expect(bodyAsText(Buffer.from([0xff, 0xfe, 0x41]), false)).toBeNull();
  });
});
