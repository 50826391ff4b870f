import type { DeliveryStatus } from "@prisma/client";
import { z } from "zod";
import { decodeCursor } from "../api/cursor";
import { DELIVERY_STATUSES } from "./format";
import type { DeliveryFilters } from "./queries";

// The delivery log's view lives in its URL (`?status=failed&event_type=…&range=24h&q=…&cursor=…`)
// so a link reproduces it. Search params are user input like any other: validated here, and a bad
// value becomes a message on the page, never a 500.

export const LOG_RANGES = {
  "1h": { label: "Last 1 hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  all: { label: "All time", ms: null },
  custom: { label: "Custom range", ms: null },
} as const;

export type LogRange = keyof typeof LOG_RANGES;

/** Rows per page of the log. */
export const LOG_PAGE_SIZE = 50;

export type LogParams = {
  status?: DeliveryStatus;
  eventType?: string;
  range: LogRange;
  /** Only with range "custom". */
  since?: Date;
  until?: Date;
  /** A request_id, an event id or a delivery id. */
  q?: string;
  cursor?: string;
  /** Auto-refresh on. */
  live: boolean;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type ParsedLogParams =
  | { ok: true; params: LogParams }
  | {
      ok: false;
      errors: string[];
      /** What the user asked for, to refill the filter form. */ raw: Record<string, string>;
    };

const FIELDS = ["status", "event_type", "range", "since", "until", "q", "cursor", "live"] as const;

// Accepts ISO 8601 with an offset, and the offset-less `YYYY-MM-DDTHH:mm[:ss]` of a
// datetime-local input, read as UTC (the console shows every time in UTC).
const LOCAL_OR_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const NOT_PRINTABLE = "must not contain control characters";
const printable = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

const time = z.string().transform((value, ctx) => {
  const date = parseTime(value);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "expected a time such as 2026-11-28T15:00 (UTC) or 2026-11-28T15:00:00Z" });
    return z.NEVER;
  }
  return date;
});

const schema = z
  .object({
    status: z.enum(DELIVERY_STATUSES, "expected pending, retrying, succeeded or failed").optional(),
    event_type: z.string().max(100, "at most 100 characters").refine(printable, NOT_PRINTABLE).optional(),
    range: z
      .enum(Object.keys(LOG_RANGES) as [LogRange, ...LogRange[]], "expected 1h, 24h, 7d, all or custom")
      .optional(),
    since: time.optional(),
    until: time.optional(),
    q: z.string().max(100, "at most 100 characters").refine(printable, NOT_PRINTABLE).optional(),
    cursor: z
      .string()
      .max(512, "not a page of this log")
      .refine((value) => isCursor(value), "not a page of this log: start again from the newest")
      .optional(),
    live: z.enum(["1", "0"], "expected 1 or 0").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.since && value.until && value.since >= value.until) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "must be after since" });
    }
  });

/** Validates the log's search params; unknown params are ignored, empty ones count as absent. */
export function parseLogParams(search: RawSearchParams): ParsedLogParams {
  const raw: Record<string, string> = {};
  const errors: string[] = [];
  for (const field of FIELDS) {
    const value = search[field];
    if (Array.isArray(value)) errors.push(`${field}: give it once, not ${value.length} times`);
    else if (value !== undefined && value.trim() !== "") raw[field] = value.trim();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${String(issue.path[0] ?? "query")}: ${issue.message}`);
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, raw };

  const { status, event_type, since, until, q, cursor, live } = parsed.data;
  // Explicit since/until without a range mean a custom range; a preset range ignores them.
  const range = parsed.data.range ?? (since || until ? "custom" : "all");
  const custom = range === "custom";
  return {
    ok: true,
    params: {
      status,
      eventType: event_type,
      range,
      since: custom ? since : undefined,
      until: custom ? until : undefined,
      q,
      cursor,
      live: live === "1",
    },
  };
}

/** The listDeliveries filters of a view, with preset ranges measured back from `now`. */
export function toDeliveryFilters(
  params: LogParams,
  now: Date,
): Pick<DeliveryFilters, "status" | "eventType" | "search" | "since" | "until" | "cursor"> {
  const ms = LOG_RANGES[params.range].ms;
  return {
    status: params.status,
    eventType: params.eventType,
    search: params.q,
    since: ms === null ? params.since : new Date(now.getTime() - ms),
    until: params.until,
    cursor: params.cursor,
  };
}

/** The canonical query string of a view (`?…`, or "" for the default view), with `changes` applied. */
export function logQuery(params: LogParams, changes: Partial<LogParams> = {}): string {
  const view = { ...params, ...changes };
  const query = new URLSearchParams();
  if (view.status) query.set("status", view.status);
  if (view.eventType) query.set("event_type", view.eventType);
  if (view.range !== "all" && !(view.range === "custom" && !view.since && !view.until)) query.set("range", view.range);
  if (view.range === "custom" && view.since) query.set("since", view.since.toISOString());
  if (view.range === "custom" && view.until) query.set("until", view.until.toISOString());
  if (view.q) query.set("q", view.q);
  if (view.cursor) query.set("cursor", view.cursor);
  if (view.live) query.set("live", "1");
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** True when the view filters anything (the empty state then suggests clearing the filters). */
export function isFiltered(params: LogParams): boolean {
  return !!(params.status || params.eventType || params.q || params.range !== "all" || params.since || params.until);
}

/** A form's GET submission includes its empty fields; such a URL is worth tidying before sharing. */
export function hasEmptyValues(search: RawSearchParams): boolean {
  return FIELDS.some((field) => search[field] === "");
}

function parseTime(value: string): Date | null {
  const match = LOCAL_OR_ISO.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", offset = "Z"] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 2026-02-30 over into March: refuse a day or hour that does not exist.
  const check = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  const fields = [
    check.getUTCMonth() + 1,
    check.getUTCDate(),
    check.getUTCHours(),
    check.getUTCMinutes(),
    check.getUTCSeconds(),
  ];
  if (fields.join() !== [month, day, hour, minute, second].map(Number).join()) return null;
  return date;
}

function isCursor(value: string): boolean {
  try {
    decodeCursor(value);
    return true;
  } catch {
    return false;
  }
}
