import type { DeliveryStatus } from "@prisma/client";
import { decodeCursor, encodeCursor } from "../api/cursor";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import type { AttemptRow, DeliveryRow } from "./serialize";

export type DeliveryFilters = {
  webhookId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  /** An attempt's request_id. */
  requestId?: string;
  /** The console's search box: a request_id, an event id, a delivery id or the receiver's request id. */
  search?: string;
  since?: Date;
  until?: Date;
  limit: number;
  cursor?: string;
  /** `created`: newest deliveries first (the API). `activity`: latest attempt first (the console's log). */
  sort: "created" | "activity";
};

const DELIVERY_COLUMNS = `d.id, d.org_id, d.webhook_id, w.url AS webhook_url, d.event_id, d.event_type, e.body AS event_body,
  d.status, d.attempt_count, d.scheduled_attempts, d.next_attempt_at, d.created_at, d.activity_at, d.last_request_id,
  d.last_status_code, d.last_error_code, d.last_reason, d.last_duration_ms,
  d.last_receiver_request_id`;

/**
 * A page of the org's deliveries, newest first, with keyset paging on (time, id) so that page 50
 * costs what page 1 does. Every condition starts from the org: nothing of another org can match.
 */
export async function listDeliveries(db: Db, orgId: string, filters: DeliveryFilters) {
  const time = filters.sort === "created" ? "d.created_at" : "d.activity_at";
  const params: unknown[] = [orgId];
  // The filters' conditions; the org's ($1) is added to each form of the query below.
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filters.webhookId) add((p) => `d.webhook_id = ${p}`, filters.webhookId);
  if (filters.status) add((p) => `d.status = ${p}::"DeliveryStatus"`, filters.status);
  if (filters.eventType) add((p) => `d.event_type = ${p}`, filters.eventType);
  if (filters.requestId)
    add(
      (p) => `d.id IN (SELECT delivery_id FROM delivery_attempts WHERE request_id = ${p} AND org_id = $1)`,
      filters.requestId,
    );
  if (filters.search) {
    // One indexed lookup per kind of id, joined back by primary key: an OR across the three would
    // walk every delivery of the org in time order when nothing matches.
    add(
      (
        p,
      ) => `d.id IN (SELECT id FROM deliveries WHERE id = ${p} UNION ALL SELECT id FROM deliveries WHERE event_id = ${p}
        UNION ALL SELECT delivery_id FROM delivery_attempts WHERE request_id = ${p} AND org_id = $1
        UNION ALL SELECT delivery_id FROM delivery_attempts WHERE org_id = $1 AND receiver_request_id = ${p})`,
      filters.search,
    );
  }
  if (filters.since) add((p) => `${time} >= ${p}`, filters.since);
  if (filters.until) add((p) => `${time} < ${p}`, filters.until);
  if (filters.cursor) {
    const cursor = decodeCursor(filters.cursor);
    params.push(cursor.at, cursor.id);
    where.push(`(${time}, d.id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(filters.limit + 1);
  const limit = `$${params.length}`;
  // The org-wide log's orders and its status filter are indexed per webhook only (migration
  // 20261207200000_org_log_from_webhook_indexes): each webhook of the org gives its first rows of
  // the page, and the page is the first of those. An event type has an org-wide index; an id looked
  // up is found by its own. Each webhook's rows are read from its index alone (the org is the
  // webhook's; it is checked again on the page's rows), without a visit to the table where the
  // index's pages are all visible.
  const byWebhook = !filters.webhookId && !filters.eventType && !filters.requestId && !filters.search;
  const { rows } = await db.pool.query<DeliveryRow>(
    byWebhook
      ? `SELECT ${DELIVERY_COLUMNS}
           FROM (SELECT page.id FROM webhooks ow CROSS JOIN LATERAL (
                   SELECT d.id, ${time} AS at FROM deliveries d
                    WHERE ${["d.webhook_id = ow.id", ...where].join(" AND ")}
                    ORDER BY ${time} DESC, d.id DESC
                    LIMIT ${limit}
                 ) page
                  WHERE ow.org_id = $1
                  ORDER BY page.at DESC, page.id DESC
                  LIMIT ${limit}) top
           JOIN deliveries d ON d.id = top.id JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.id = d.event_id
          WHERE d.org_id = $1
          ORDER BY ${time} DESC, d.id DESC`
      : `SELECT ${DELIVERY_COLUMNS}
           FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.id = d.event_id
          WHERE ${["d.org_id = $1", ...where].join(" AND ")}
          ORDER BY ${time} DESC, d.id DESC
          LIMIT ${limit}`,
    params,
  );
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const more = rows.length > filters.limit && last;
  return {
    rows: page,
    next_cursor: more
      ? encodeCursor({ at: filters.sort === "created" ? last.created_at : last.activity_at, id: last.id })
      : null,
  };
}

/** One delivery of the org (its event's bytes and webhook URL included); 404 for any other org's. */
export async function fetchDeliveryRow(db: Db, orgId: string, id: string): Promise<DeliveryRow> {
  const { rows } = await db.pool.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS}
       FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.id = d.event_id
      WHERE d.id = $1 AND d.org_id = $2`,
    [id, orgId],
  );
  if (rows.length === 0) throw new NotFoundError("Delivery");
  return rows[0];
}

/** One delivery of the org with every attempt, newest attempt first; 404 for any other org's. */
export async function fetchDelivery(db: Db, orgId: string, id: string) {
  const row = await fetchDeliveryRow(db, orgId, id);
  const attempts = await db.pool.query<AttemptRow>(
    `SELECT request_id, number, trigger, url, started_at, duration_ms, request_headers, response_status, response_headers,
            response_body, response_body_truncated, error_code, reason, message, receiver_request_id, trace_id
       FROM delivery_attempts WHERE delivery_id = $1 AND org_id = $2
      ORDER BY number DESC`,
    [id, orgId],
  );
  return { row, attemptRows: attempts.rows };
}
