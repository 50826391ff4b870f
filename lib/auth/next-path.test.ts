import { describe, expect, it } from "vitest";
import { clientAddressFrom, isHttpsRequest } from "./request-meta";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from "./next-path";

describe("where sign-in goes next", () => {
  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeNextPath("/settings")).toBe("/settings");
    expect(safeNextPath("/deliveries?status=failed&q=req_1#top")).toBe("/deliveries?status=failed&q=req_1#top");
    expect(safeNextPath("/webhooks/wh_1/signing")).toBe("/webhooks/wh_1/signing");
  });

  it.each([
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["evil.example"],
    [""],
    ["/sign-in?next=/settings"],
    [undefined],
    [["/settings"]],
  ])("falls back to the console for %j", (next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});

describe("request metadata", () => {
  it("takes the right-most forwarded address, which the nearest proxy added", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddressFrom(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddressFrom(new Headers())).toBeNull();
  });

  it("marks the cookie secure only when the browser used https", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttpsRequest(new Headers())).toBe(false);
  });
});
