import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { newTraceparent } from "../tracing/traceparent";
import { randomView } from "./random-pool";

// Ids and trace ids draw their random bytes from a pool refilled 4 KB at a time: each draw must
// still be bytes no other draw got.

describe("the random pool", () => {
  it("never hands out the same bytes twice, across many refills", () => {
    const seen = new Set<string>();
    // 40,000 draws of 16 bytes: the 4 KB pool is refilled about 156 times.
    for (let i = 0; i < 40_000; i++) seen.add(randomView(16).toString("hex"));
    expect(seen.size).toBe(40_000);
  });

  it("gives ids and trace ids that never repeat", () => {
    const ids = Array.from({ length: 20_000 }, () => newId("att"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^att_[0-9a-hjkmnp-tv-z]{26}$/.test(id))).toBe(true);
    const traces = Array.from({ length: 5_000 }, () => newTraceparent());
    expect(new Set(traces.map((t) => t.traceId)).size).toBe(traces.length);
    expect(traces.every((t) => /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(t.header))).toBe(true);
  });

  it("uses every value of a byte: the bytes are not all from one part of the range", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_000; i++) for (const byte of randomView(32)) counts[byte]++;
    // 64,000 bytes, 250 of each value expected: every value appears, none more than twice as often.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(500);
  });

  it("refuses a draw larger than the pool", () => {
    expect(() => randomView(4_097)).toThrow(RangeError);
    expect(() => randomView(0)).toThrow(RangeError);
  });
});
