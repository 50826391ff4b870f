import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { maxScheduledAttempts } from "../dispatch/schedule";
import { toLogEntries, type DeliveryLogEntry } from "./log-entries";
import {
  hasEmptyValues,
  LOG_PAGE_SIZE,
  logQuery,
  parseLogParams,
  toDeliveryFilters,
  type ParsedLogParams,
  type RawSearchParams,
} from "./log-params";
import { listDeliveries } from "./queries";

export type LogPage = {
  view: ParsedLogParams;
  /** Set when the URL should be tidied first (a submitted form sends its empty fields too). */
  redirectTo: string | null;
  entries: DeliveryLogEntry[];
  nextCursor: string | null;
};

/**
 * The console's delivery log, for every webhook (`/deliveries`) or one (its Deliveries tab): the
 * URL's view validated, then a page of the org's deliveries, latest activity first.
 */
export async function loadLogPage(
  { db, config, now }: Pick<AppContext, "db" | "config" | "now">,
  caller: Caller,
  search: RawSearchParams,
  options: { basePath: string; webhookId?: string },
): Promise<LogPage> {
  const { orgId } = authorize(caller, "delivery.read");
  const view = parseLogParams(search);
  if (!view.ok) return { view, redirectTo: null, entries: [], nextCursor: null };
  if (hasEmptyValues(search))
    return { view, redirectTo: `${options.basePath}${logQuery(view.params)}`, entries: [], nextCursor: null };
  const page = await listDeliveries(db, orgId, {
    ...toDeliveryFilters(view.params, now()),
    webhookId: options.webhookId,
    limit: LOG_PAGE_SIZE,
    sort: "activity",
  });
  return {
    view,
    redirectTo: null,
    entries: toLogEntries(page.rows, maxScheduledAttempts(config.retryScheduleMs)),
    nextCursor: page.next_cursor,
  };
}
