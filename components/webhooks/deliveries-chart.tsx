import type { DeliveryStatus } from "@prisma/client";
import { STATUS_LABELS } from "@/lib/delivery-log/format";
import type { StatusBucket } from "@/lib/webhooks/stats";

// A stacked bar chart of deliveries by status, as inline SVG. The bars stretch with the width
// (preserveAspectRatio="none"); the axis labels are HTML so they stay readable on a phone. The
// same numbers are in a table for screen readers and for anyone who wants exact counts.

/** Bottom to top: what succeeded at the base, what needs attention on top. */
const STACK: readonly DeliveryStatus[] = ["succeeded", "failed", "retrying", "pending"];
const COLOURS: Record<DeliveryStatus, string> = {
  succeeded: "#16a34a",
  failed: "#dc2626",
  retrying: "#d97706",
  pending: "#94a3b8",
};
const BAR_SLOT = 10;
const CHART_HEIGHT = 100;

export type DeliveriesChartProps = {
  buckets: StatusBucket[];
  bucketMinutes: number;
  /** e.g. "the last 24 hours, per hour". */
  period: string;
};

export function DeliveriesChart({ buckets, bucketMinutes, period }: DeliveriesChartProps) {
  const totals = STACK.map((status) => ({ status, count: buckets.reduce((n, b) => n + b[status], 0) }));
  const total = totals.reduce((n, t) => n + t.count, 0);
  const top = niceCeiling(Math.max(0, ...buckets.map(bucketTotal)));
  const summary = total
    ? `${total} deliveries in ${period}: ${totals.map((t) => `${t.count} ${STATUS_LABELS[t.status].toLowerCase()}`).join(", ")}.`
    : `No deliveries in ${period}.`;

  return (
    <figure className="space-y-3">
      <figcaption className="text-sm text-slate-600">Deliveries by status, {period} (UTC).</figcaption>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
        {totals.map(({ status, count }) => (
          <li key={status} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm"
              style={{ backgroundColor: COLOURS[status] }}
            />
            {STATUS_LABELS[status]} <span className="text-slate-500">{count}</span>
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <div
          aria-hidden="true"
          className="flex h-48 w-8 shrink-0 flex-col justify-between text-right text-xs text-slate-500"
        >
          <span className="-mt-2">{top}</span>
          <span>{top / 2}</span>
          <span className="-mb-2">0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            role="img"
            aria-label={summary}
            viewBox={`0 0 ${buckets.length * BAR_SLOT} ${CHART_HEIGHT}`}
            preserveAspectRatio="none"
            className="block h-48 w-full border-b border-l border-slate-300"
          >
            <line
              x1="0"
              x2={buckets.length * BAR_SLOT}
              y1={CHART_HEIGHT / 2}
              y2={CHART_HEIGHT / 2}
              stroke="#e2e8f0"
              vectorEffect="non-scaling-stroke"
            />
            <line
              x1="0"
              x2={buckets.length * BAR_SLOT}
              y1="0.5"
              y2="0.5"
              stroke="#e2e8f0"
              vectorEffect="non-scaling-stroke"
            />
            {buckets.map((bucket, index) => (
              <g key={bucket.start.getTime()}>
                <title>{`${bucketLabel(bucket.start, bucketMinutes)}: ${describeBucket(bucket)}`}</title>
                {stackedRects(bucket, top).map((rect) => (
                  <rect
                    key={rect.status}
                    x={index * BAR_SLOT + 1}
                    width={BAR_SLOT - 2}
                    y={rect.y}
                    height={rect.height}
                    fill={COLOURS[rect.status]}
                  />
                ))}
              </g>
            ))}
          </svg>
          <div aria-hidden="true" className="relative h-5 text-xs text-slate-500">
            {buckets.map((bucket, index) =>
              hasAxisLabel(bucket.start, bucketMinutes) ? (
                <span
                  key={bucket.start.getTime()}
                  className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
                  style={{ left: `${((index + 0.5) / buckets.length) * 100}%` }}
                >
                  {axisLabel(bucket.start, bucketMinutes)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers as a table</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full min-w-[22rem] text-left">
            <caption className="sr-only">Deliveries by status, {period}</caption>
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  From (UTC)
                </th>
                {STACK.map((status) => (
                  <th key={status} scope="col" className="px-2 py-1 text-right font-medium">
                    {STATUS_LABELS[status]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {buckets.map((bucket) => (
                <tr key={bucket.start.getTime()}>
                  <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                    {bucketLabel(bucket.start, bucketMinutes)}
                  </th>
                  {STACK.map((status) => (
                    <td key={status} className="px-2 py-1 text-right tabular-nums">
                      {bucket[status]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function bucketTotal(bucket: StatusBucket): number {
  return STACK.reduce((n, status) => n + bucket[status], 0);
}

/** 2, 5, 10, 20, 50…: a round top for the y axis, above the tallest bar. */
function niceCeiling(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((f) => f * magnitude >= value) ?? 10;
  return step * magnitude;
}

function stackedRects(bucket: StatusBucket, top: number) {
  let base = CHART_HEIGHT;
  return STACK.filter((status) => bucket[status] > 0).map((status) => {
    const height = (bucket[status] / top) * CHART_HEIGHT;
    base -= height;
    return { status, y: base, height };
  });
}

function describeBucket(bucket: StatusBucket): string {
  const parts = STACK.filter((status) => bucket[status] > 0).map(
    (status) => `${bucket[status]} ${STATUS_LABELS[status].toLowerCase()}`,
  );
  return parts.length ? parts.join(", ") : "no deliveries";
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const HOUR = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** Days at midnight on the 7-day chart, every 6 hours on the 24-hour one. */
function hasAxisLabel(start: Date, bucketMinutes: number): boolean {
  return bucketMinutes >= 360 ? start.getUTCHours() === 0 : start.getUTCHours() % 6 === 0;
}

function axisLabel(start: Date, bucketMinutes: number): string {
  return bucketMinutes >= 360 ? DAY.format(start) : HOUR.format(start);
}

function bucketLabel(start: Date, bucketMinutes: number): string {
  return `${DAY.format(start)} ${HOUR.format(start)}${bucketMinutes >= 360 ? ` (${bucketMinutes / 60} h)` : ""}`;
}
