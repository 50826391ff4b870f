import { describe, expect, it } from "vitest";
import { shareOneHiddenClass, WARM_CALL_SITE } from "../testing/hidden-class";
import { buildOutgoingRequest, USER_AGENT } from "./build-request";

const TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

describe("the request of one attempt", () => {
  const request = buildOutgoingRequest({
    url: "https://example.com/hooks",
    body: Buffer.from('{"id":"evt_1"}'),
    eventType: "camera.offline",
    deliveryId: "dlv_1",
    requestId: "req_1",
    secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    now: new Date("2025-01-01T00:00:00Z"),
    traceparent: TRACEPARENT,
  });

  it("carries the contract's User-Agent exactly once (the transport adds none of its own)", () => {
    const names = Object.keys(request.headers).filter((name) => name.toLowerCase() === "user-agent");
    expect(names).toEqual(["User-Agent"]);
    expect(request.headers["User-Agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^NovaVMS-Webhooks\/\d+\.\d+\.\d+$/);
  });

  it("names the delivery, the event and the attempt's request_id", () => {
    expect(request.headers).toMatchObject({
      "X-NovaVMS-Event": "camera.offline",
      "X-NovaVMS-Delivery": "dlv_1",
      traceparent: TRACEPARENT,
      "X-NovaVMS-Request-Id": "req_1",
      "webhook-id": "dlv_1",
    });
  });
});

describe("a webhook's custom headers", () => {
  const build = (deliveryId: string) =>
    buildOutgoingRequest({
      url: "https://example.com/hooks",
      body: Buffer.from('{"id":"evt_1"}'),
      eventType: "camera.offline",
      deliveryId,
      requestId: `req_${deliveryId}`,
      secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
      now: new Date("2025-01-01T00:00:00Z"),
      // Not a reserved name (custom-headers.ts refuses those), yet the contract's own header wins.
      customHeaders: { "X-Api-Key": "k-123", traceparent: "00-custom" },
      traceparent: TRACEPARENT,
    });

  it("are sent beside the contract's headers, which win over them", () => {
    const { headers } = build("dlv_1");
    expect(headers["X-Api-Key"]).toBe("k-123");
    expect(headers.traceparent).toBe(TRACEPARENT);
    expect(headers["X-NovaVMS-Delivery"]).toBe("dlv_1");
  });

  it("give every request of the webhook one hidden class (no class per request, lib/testing/hidden-class.ts)", () => {
    const requests = Array.from({ length: WARM_CALL_SITE }, (_, i) => build(`dlv_${i}`).headers);
    expect(shareOneHiddenClass(requests)).toBe(true);
  });
});
