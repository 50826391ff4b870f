import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeliveryLogEntry } from "@/lib/delivery-log/log-entries";
import { isFiltered, logQuery, type LogParams, type ParsedLogParams } from "@/lib/delivery-log/log-params";
import { AutoRefreshToggle } from "./auto-refresh-toggle";
import { DeliveryLogFilters, type FilterValues } from "./delivery-log-filters";
import { DeliveryLogTable } from "./delivery-log-table";

export type DeliveryLogProps = {
  /** `/deliveries` or `/webhooks/<id>/deliveries`: where filters and pages link to. */
  basePath: string;
  view: ParsedLogParams;
  entries: DeliveryLogEntry[];
  nextCursor: string | null;
  showWebhook: boolean;
};

/** The delivery log: filters, auto-refresh, the table, and keyset paging, all driven by the URL. */
export function DeliveryLog({ basePath, view, entries, nextCursor, showWebhook }: DeliveryLogProps) {
  if (!view.ok) {
    return (
      <div className="space-y-4">
        <DeliveryLogFilters basePath={basePath} values={rawValues(view.raw)} />
        <Alert tone="error" title="This link's filters are not valid, so no deliveries are shown">
          <ul className="list-disc pl-5">
            {view.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
          <p className="mt-2">
            Correct the filters above, or{" "}
            <Link href={basePath} className="font-medium underline">
              show all deliveries
            </Link>
            .
          </p>
        </Alert>
      </div>
    );
  }

  const params = view.params;
  const href = (changes: Partial<LogParams>) => `${basePath}${logQuery(params, changes)}`;
  return (
    <div className="space-y-4">
      <DeliveryLogFilters
        key={logQuery(params, { cursor: undefined })}
        basePath={basePath}
        values={formValues(params)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {entries.length === 0 ? "No deliveries" : `${entries.length}${nextCursor ? "+" : ""} deliveries`}
          {params.cursor ? ", older page" : ", latest activity first"}
        </p>
        <AutoRefreshToggle enabled={params.live} toggleHref={href({ live: !params.live })} />
      </div>
      {entries.length === 0 ? (
        <EmptyState
          title="No deliveries match"
          action={
            isFiltered(params) || params.cursor ? (
              <Link
                href={href({
                  status: undefined,
                  eventType: undefined,
                  q: undefined,
                  range: "all",
                  since: undefined,
                  until: undefined,
                  cursor: undefined,
                })}
                className={buttonClasses()}
              >
                Clear filters
              </Link>
            ) : undefined
          }
        >
          {isFiltered(params)
            ? "Nothing in this view matches the filters. A search matches a whole request_id, event id or delivery id."
            : "Deliveries appear here as soon as an event is sent to a webhook that subscribes to it."}
        </EmptyState>
      ) : (
        <DeliveryLogTable entries={entries} showWebhook={showWebhook} />
      )}
      {params.cursor || nextCursor ? (
        <nav aria-label="Pages" className="flex justify-between gap-2">
          {params.cursor ? (
            <Link href={href({ cursor: undefined })} className={buttonClasses()}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={href({ cursor: nextCursor })} className={buttonClasses()}>
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function formValues(params: LogParams): FilterValues {
  return {
    status: params.status ?? "",
    event_type: params.eventType ?? "",
    range: params.range,
    since: params.since?.toISOString().slice(0, 19) ?? "",
    until: params.until?.toISOString().slice(0, 19) ?? "",
    q: params.q ?? "",
    live: params.live,
  };
}

function rawValues(raw: Record<string, string>): FilterValues {
  return {
    status: raw.status ?? "",
    event_type: raw.event_type ?? "",
    range: raw.range ?? "all",
    since: raw.since ?? "",
    until: raw.until ?? "",
    q: raw.q ?? "",
    live: raw.live === "1",
  };
}
