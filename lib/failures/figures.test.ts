import { describe, expect, it } from "vitest";
import { deliveryFigures, formatDelay } from "./figures";

describe("delivery figures", () => {
  it("write the default schedule and timeout as the article does", () => {
    const figures = deliveryFigures({
      deliveryTimeoutMs: 10_000,
      retryScheduleMs: [60_000, 300_000, 900_000, 3_600_000, 21_600_000],
    });
    expect(figures).toMatchObject({
      timeout: "10 seconds",
      storedBody: "1 KB",
      retries: "1m, 5m, 15m, 1h, 6h",
      retriesSentence: "1m, 5m, 15m, 1h and 6h",
      attempts: 6,
    });
  });

  it("write a delay in the largest unit that divides it, as the schedule setting is written", () => {
    expect([86_400_000, 7_200_000, 90_000, 5_000, 1_500].map(formatDelay)).toEqual(["1d", "2h", "90s", "5s", "1500ms"]);
  });
});
