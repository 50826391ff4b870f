import { describe, expect, it } from "vitest";
import { isLoopback, metricsAccessAllowed } from "./access";
import { routePattern } from "./observe";

describe("metric labels and access", () => {
  it("label API requests with the documented route pattern, never the ids in the path", () => {
    expect(routePattern("/api/v1/webhooks/wh_01abc/signing/rotate")).toBe("/webhooks/{id}/signing/rotate");
    expect(routePattern("/api/v1/deliveries/dlv_01xyz")).toBe("/deliveries/{id}");
    expect(routePattern("/api/v1/deliveries/dlv_01xyz/replay/")).toBe("/deliveries/{id}/replay");
    expect(routePattern("/api/v1/openapi.json")).toBe("/openapi.json");
    expect(routePattern("/api/v1/openapixjson")).toBe("other");
    expect(routePattern("/api/v1/anything/dlv_01xyz")).toBe("other");
  });

  it("let a loopback caller in without a token, and only the exact Bearer token in with one", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(isLoopback(address)).toBe(true);
    for (const address of ["10.0.0.1", "::ffff:10.0.0.1", "192.0.2.1", "fe80::1", "1127.0.0.1"]) {
      expect(isLoopback(address)).toBe(false);
    }
    expect(metricsAccessAllowed({ token: undefined, authorization: null, address: null })).toBe(false);
    const token = "a-metrics-token-of-length";
    expect(metricsAccessAllowed({ token, authorization: `Bearer ${token}`, address: "203.0.113.1" })).toBe(true);
    expect(metricsAccessAllowed({ token, authorization: `Bearer ${token}x`, address: "127.0.0.1" })).toBe(false);
    expect(metricsAccessAllowed({ token, authorization: null, address: "127.0.0.1" })).toBe(false);
  });
});
