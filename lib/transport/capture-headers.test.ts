import { describe, expect, it } from "vitest";
import { captureHeaders, MAX_STORED_HEADER_BYTES, MAX_STORED_HEADERS } from "./capture-headers";

describe("captureHeaders", () => {
  it("lower-cases names and joins repeated values with a comma", () => {
    expect(captureHeaders({ "Content-Type": "text/plain", "set-cookie": ["a=1", "b=2"], skipped: undefined })).toEqual({
      "content-type": "text/plain",
      "set-cookie": "a=1, b=2",
    });
  });

  it(`keeps at most ${MAX_STORED_HEADERS} headers`, () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`x-h${i}`, "v"]));
    const stored = captureHeaders(many);
    expect(Object.keys(stored)).toHaveLength(MAX_STORED_HEADERS);
    expect(stored["x-h0"]).toBe("v");
    expect(stored[`x-h${MAX_STORED_HEADERS}`]).toBeUndefined();
  });

  it(`keeps at most ${MAX_STORED_HEADER_BYTES} bytes of names and values, cutting the value that crosses the limit`, () => {
    const stored = captureHeaders({ a: "1".repeat(5000), b: "2".repeat(5000), c: "3" });
    expect(stored.a).toBe("1".repeat(5000));
    expect(stored.b).toBe("2".repeat(MAX_STORED_HEADER_BYTES - 5001 - 1));
    expect(stored.c).toBeUndefined();
    const total = Object.entries(stored).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(total).toBe(MAX_STORED_HEADER_BYTES);
  });
});
