import { describe, expect, it } from "vitest";
import { deliveryFigures } from "../failures/figures";
import {
  attemptLabel,
  describeFailure,
  errorCodeHref,
  formatDuration,
  formatRelative,
  formatTimestamp,
  troubleshootingHref,
} from "./format";

describe("delivery formatting", () => {
  it("shows times in UTC to the second, whatever the machine's time zone", () => {
    expect(formatTimestamp(new Date("2026-11-28T15:02:47.912Z"))).toBe("2026-11-28 15:02:47 UTC");
    expect(formatTimestamp("2026-01-02T03:04:05+02:00")).toBe("2026-01-02 01:04:05 UTC");
  });

  it.each([
    [null, "—"],
    [0, "0 ms"],
    [87, "87 ms"],
    [999, "999 ms"],
    [1000, "1.0 s"],
    [1440, "1.4 s"],
    [10_003, "10.0 s"],
  ])("formats a duration of %j ms as %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("says how far away the next retry is", () => {
    const now = new Date("2026-11-28T15:00:00Z");
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    expect(formatRelative(at(42), now)).toBe("in 42 s");
    expect(formatRelative(at(300), now)).toBe("in 5 min");
    expect(formatRelative(at(3600 + 15 * 60), now)).toBe("in 1 h 15 min");
    expect(formatRelative(at(6 * 3600), now)).toBe("in 6 h");
    expect(formatRelative(at(-90), now)).toBe("2 min ago");
    expect(formatRelative(at(0.2), now)).toBe("now");
  });

  it("counts attempts against the retry schedule and Replays beside it", () => {
    expect(attemptLabel({ scheduledAttempts: 0, attemptCount: 0, maxAttempts: 6 })).toBe("not sent yet");
    expect(attemptLabel({ scheduledAttempts: 3, attemptCount: 3, maxAttempts: 6 })).toBe("attempt 3 of 6");
    expect(attemptLabel({ scheduledAttempts: 6, attemptCount: 7, maxAttempts: 6 })).toBe("attempt 6 of 6 + 1 Replay");
    expect(attemptLabel({ scheduledAttempts: 2, attemptCount: 4, maxAttempts: 6 })).toBe("attempt 2 of 6 + 2 Replays");
    // Replayed before its first scheduled attempt.
    expect(attemptLabel({ scheduledAttempts: 0, attemptCount: 1, maxAttempts: 6 })).toBe("1 Replay");
  });

  it("gives each reason the troubleshooting article's advice and links", () => {
    const figures = deliveryFigures({ deliveryTimeoutMs: 10_000, retryScheduleMs: [60_000, 300_000] });
    expect(describeFailure("http_status", figures).title).toBe("Your endpoint returned a non-2xx response");
    expect(describeFailure("timeout", figures).title).toBe("The request timed out");
    expect(describeFailure("timeout", figures).advice[0]).toBe(
      "NovaVMS waits 10 seconds for a response, then closes the connection.",
    );
    expect(describeFailure("http_status", figures).advice[0]).toContain("The Response body field shows the first 1 KB");
    expect(describeFailure("http_status", figures).advice[2]).toContain("Return 200 OK within 10 seconds.");
    expect(describeFailure("something_new", figures)).toEqual({ title: "The delivery attempt failed", advice: [] });
    expect(troubleshootingHref("http_status")).toBe("/docs/troubleshooting#non-2xx");
    expect(troubleshootingHref("timeout")).toBe("/docs/troubleshooting#timeout");
    expect(troubleshootingHref("tls_self_signed")).toBe("/docs/troubleshooting#tls");
    expect(troubleshootingHref("dns")).toBeNull();
    expect(errorCodeHref("dns", "webhook_delivery_failed")).toBe("/docs/error-codes#dns");
    expect(errorCodeHref(null, "webhook_delivery_failed")).toBe("/docs/error-codes#webhook_delivery_failed");
  });

  it("words the advice with the timeout the sender is configured with", () => {
    const figures = deliveryFigures({ deliveryTimeoutMs: 30_000, retryScheduleMs: [5_000, 3_600_000] });
    expect(describeFailure("timeout", figures).advice[0]).toBe(
      "NovaVMS waits 30 seconds for a response, then closes the connection.",
    );
    expect(figures).toMatchObject({ retries: "5s, 1h", retriesSentence: "5s and 1h", attempts: 3 });
  });
});
