import Link from "next/link";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/webhooks/overview-range";

/** 24 h / 7 d as links (?range=), so the chosen range is part of the URL. */
export function RangeSwitch({ basePath, current }: { basePath: string; current: OverviewRange }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {(Object.keys(OVERVIEW_RANGES) as OverviewRange[]).map((range) => (
          <li key={range}>
            <Link
              href={range === "24h" ? basePath : `${basePath}?range=${range}`}
              aria-current={range === current ? "page" : undefined}
              aria-label={`Last ${OVERVIEW_RANGES[range].label}`}
              className={`inline-block rounded px-3 py-1 font-medium ${
                range === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {OVERVIEW_RANGES[range].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
