import { maxScheduledAttempts } from "../dispatch/schedule";
import { MAX_STORED_BODY_BYTES } from "../transport/limits";

// The figures the product promises (the timeout, the retry schedule, what is kept of a response),
// worded for the console and the docs from the very values the dispatcher and the sender use.

export type FigureSettings = { deliveryTimeoutMs: number; retryScheduleMs: number[] };

export type DeliveryFigures = {
  /** "10 seconds" */
  timeout: string;
  /** "1 KB" */
  storedBody: string;
  /** "1m, 5m, 15m, 1h, 6h" */
  retries: string;
  /** "1m, 5m, 15m, 1h and 6h" */
  retriesSentence: string;
  /** 1 + the number of retries: 6 */
  attempts: number;
};

export function deliveryFigures(settings: FigureSettings): DeliveryFigures {
  const delays = settings.retryScheduleMs.map(formatDelay);
  return {
    timeout: formatSeconds(settings.deliveryTimeoutMs),
    storedBody: formatBytes(MAX_STORED_BODY_BYTES),
    retries: delays.join(", "),
    retriesSentence: delays.length > 1 ? `${delays.slice(0, -1).join(", ")} and ${delays.at(-1)}` : delays.join(""),
    attempts: maxScheduledAttempts(settings.retryScheduleMs),
  };
}

/** Replaces `{timeout}` and `{stored_body}` in a text of the article with this process's figures. */
export function withFigures(text: string, figures: DeliveryFigures): string {
  return text.replaceAll("{timeout}", figures.timeout).replaceAll("{stored_body}", figures.storedBody);
}

export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

/** `1m`, `6h`, `5s`, `1d`: the largest unit that divides the delay, as the retry schedule is written. */
export function formatDelay(ms: number): string {
  for (const [unit, size] of [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
