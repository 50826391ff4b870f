import { describe, expect, it } from "vitest";
import { warmHttpClient } from "./warm-up";

describe("warmHttpClient", () => {
  it("runs once per process and leaves no server, socket or timer behind", async () => {
    const kinds = () => process.getActiveResourcesInfo().filter((kind) => kind !== "TTYWrap" && kind !== "PipeWrap");
    const before = kinds();
    const first = warmHttpClient();
    expect(warmHttpClient()).toBe(first);
    await first;
    // Sockets close on the next turns of the event loop.
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(before);
  });
});
