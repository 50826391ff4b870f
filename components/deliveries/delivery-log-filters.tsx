import Form from "next/form";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DELIVERY_STATUSES, STATUS_LABELS } from "@/lib/delivery-log/format";
import { LOG_RANGES, type LogRange } from "@/lib/delivery-log/log-params";
import { KNOWN_EVENT_TYPES } from "@/lib/webhooks/schemas";

/** The filter form's values, as strings: from a valid view, or what an invalid link asked for. */
export type FilterValues = {
  status: string;
  event_type: string;
  range: string;
  since: string;
  until: string;
  q: string;
  live: boolean;
};

const STATUS_OPTIONS = [
  { value: "", label: "All statuses" },
  ...DELIVERY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const RANGE_OPTIONS = (Object.keys(LOG_RANGES) as LogRange[]).map((value) => ({
  value,
  label: LOG_RANGES[value].label,
}));

/**
 * A GET form: submitting it navigates to the log's URL with the filters in the query string (and
 * without a cursor, so new filters start from the newest). Works without JavaScript.
 */
export function DeliveryLogFilters({ basePath, values }: { basePath: string; values: FilterValues }) {
  return (
    <Form action={basePath} aria-label="Filter deliveries" className="group flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-40">
        <Select label="Status" name="status" id="filter-status" options={STATUS_OPTIONS} defaultValue={values.status} />
      </div>
      <div className="w-full sm:w-44">
        <Input
          label="Event type"
          name="event_type"
          id="filter-event-type"
          placeholder="camera.offline"
          list="known-event-types"
          defaultValue={values.event_type}
          autoComplete="off"
        />
        <datalist id="known-event-types">
          {KNOWN_EVENT_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div className="w-full sm:w-40">
        <Select
          label="Time range"
          name="range"
          id="filter-range"
          options={RANGE_OPTIONS}
          defaultValue={values.range || "all"}
        />
      </div>
      {/* Shown only while "Custom range" is selected (CSS :has, no script needed). */}
      <div className="hidden w-full flex-wrap gap-3 group-has-[option[value=custom]:checked]:flex sm:w-auto">
        <div className="w-full sm:w-52">
          <Input
            label="Since (UTC)"
            name="since"
            id="filter-since"
            type="datetime-local"
            step={1}
            defaultValue={values.since}
          />
        </div>
        <div className="w-full sm:w-52">
          <Input
            label="Until (UTC)"
            name="until"
            id="filter-until"
            type="datetime-local"
            step={1}
            defaultValue={values.until}
          />
        </div>
      </div>
      <div className="w-full sm:w-80">
        <Input
          label="Search"
          name="q"
          id="filter-q"
          type="search"
          placeholder="request_id, your request id, event or delivery id"
          defaultValue={values.q}
          spellCheck={false}
        />
      </div>
      {values.live ? <input type="hidden" name="live" value="1" /> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses({ variant: "primary" })}>
          Apply
        </button>
        <Link href={values.live ? `${basePath}?live=1` : basePath} className={buttonClasses({ variant: "ghost" })}>
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
