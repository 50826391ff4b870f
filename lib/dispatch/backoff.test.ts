import { describe, expect, it } from "vitest";
import { createBackoff } from "./backoff";

describe("claim backoff", () => {
  it("doubles its wait up to the ceiling, with jitter in the upper half, and resets on success", () => {
    let draw = 0;
    const backoff = createBackoff({ baseMs: 1_000, maxMs: 8_000, random: () => draw });
    expect(backoff.ready(0)).toBe(true);
    expect(backoff.failed(0)).toBe(500);
    expect(backoff.ready(499)).toBe(false);
    expect(backoff.ready(500)).toBe(true);
    draw = 1;
    expect(backoff.failed(500)).toBe(2_000);
    expect(backoff.failed(2_500)).toBe(4_000);
    expect(backoff.failed(6_500)).toBe(8_000);
    expect(backoff.failed(14_500)).toBe(8_000);
    expect(backoff.failures).toBe(5);
    expect(backoff.succeeded()).toBe(true);
    expect(backoff.ready(14_501)).toBe(true);
    expect(backoff.succeeded()).toBe(false);
    draw = 0.5;
    expect(backoff.failed(20_000)).toBe(750);
  });
});
