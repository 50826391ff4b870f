// The Overview tab's time range, kept in the URL (?range=24h|7d) so a link shows the same chart.

export const OVERVIEW_RANGES = {
  "24h": { label: "24 h", description: "the last 24 hours, per hour", buckets: 24, bucketMinutes: 60 },
  "7d": { label: "7 d", description: "the last 7 days, per 6 hours", buckets: 28, bucketMinutes: 360 },
} as const;

export type OverviewRange = keyof typeof OVERVIEW_RANGES;

export type OverviewWindow = {
  range: OverviewRange;
  since: Date;
  bucketMinutes: number;
  description: string;
};

/**
 * The window for `?range=` (anything unknown is the default, 24 h). `since` is on a bucket
 * boundary, so the chart has exactly `buckets` bars, the last one being the current, partial one.
 */
export function overviewWindow(param: string | string[] | undefined, now = new Date()): OverviewWindow {
  const range: OverviewRange = param === "7d" ? "7d" : "24h";
  const { buckets, bucketMinutes, description } = OVERVIEW_RANGES[range];
  const step = bucketMinutes * 60_000;
  const current = Math.floor(now.getTime() / step) * step;
  return { range, since: new Date(current - (buckets - 1) * step), bucketMinutes, description };
}

/** The webhooks list's success rate covers the last 24 hours. */
export function listWindowStart(now = new Date()): Date {
  return new Date(now.getTime() - 24 * 3_600_000);
}
