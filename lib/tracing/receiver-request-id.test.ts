import { describe, expect, it } from "vitest";
import { findReceiverRequestId, RECEIVER_REQUEST_ID_HEADERS } from "./receiver-request-id";
import { newTraceparent, traceIdOf } from "./traceparent";

describe("findReceiverRequestId", () => {
  it.each(RECEIVER_REQUEST_ID_HEADERS.map((name) => [name]))("finds the receiver's id in %s", (name) => {
    expect(findReceiverRequestId({ "content-type": "text/plain", [name]: ` id-from-${name} ` })).toBe(
      `id-from-${name}`,
    );
  });

  it("takes the first header of the list when several are present, and cuts long values", () => {
    expect(findReceiverRequestId({ "cf-ray": "8c1f-AMS", "x-request-id": "req-1" })).toBe("req-1");
    expect(findReceiverRequestId({ "x-request-id": "x".repeat(500) })).toHaveLength(200);
    expect(findReceiverRequestId({ "x-request-id": "  " })).toBeNull();
    expect(findReceiverRequestId(null)).toBeNull();
  });
});

describe("traceparent", () => {
  it("is a new valid W3C header per attempt whose trace id is read back", () => {
    const a = newTraceparent();
    const b = newTraceparent();
    expect(a.header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceIdOf(a.header)).toBe(a.traceId);
    expect(a.traceId).not.toBe(b.traceId);
    expect(traceIdOf("garbage")).toBeNull();
    expect(traceIdOf(undefined)).toBeNull();
  });
});
