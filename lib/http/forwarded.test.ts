import { describe, expect, it } from "vitest";
import { normalizeForwardedHeaders, parseTrustedProxies, type ForwardedHeaders } from "./forwarded";

function normalized(headers: ForwardedHeaders, socket: string, trusted = "") {
  const copy = { ...headers };
  normalizeForwardedHeaders(copy, socket, parseTrustedProxies(trusted));
  return copy;
}

describe("forwarding headers", () => {
  it("ignores what a client sends when no proxy is trusted: the socket address is the client", () => {
    for (let i = 0; i < 30; i++) {
      const headers = normalized(
        { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": "1.2.3.4", "x-forwarded-proto": "https" },
        "::ffff:198.51.100.7",
      );
      expect(headers).toEqual({ "x-forwarded-for": "198.51.100.7" });
    }
  });

  it("believes a trusted proxy, taking the right-most hop it did not add", () => {
    const headers = normalized(
      { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", "x-forwarded-proto": "https" },
      "10.0.0.1",
      "10.0.0.0/8",
    );
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
  });

  it("does not believe a peer outside the trusted list even if the header names a trusted proxy", () => {
    expect(normalized({ "x-forwarded-for": "10.0.0.1" }, "203.0.113.5", "10.0.0.1")).toEqual({
      "x-forwarded-for": "203.0.113.5",
    });
  });

  it("refuses a malformed trusted proxy list", () => {
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow();
    expect(() => parseTrustedProxies("proxy.local")).toThrow();
  });
});
