import { decodeCursor } from "../api/cursor";
import { auditEventListQuery, type AuditEventListQuery } from "./list-query";

/** The audit page's URL parameters, validated with the API's schema; the page size is fixed. */
export function safeParseQuery(
  search: Record<string, string | string[] | undefined>,
  pageSize: number,
): { ok: true; value: AuditEventListQuery } | { ok: false; message: string } {
  const raw: Record<string, string> = {};
  for (const key of ["actor", "action", "cursor"]) {
    const value = search[key];
    if (typeof value === "string" && value !== "") raw[key] = value;
  }
  const parsed = auditEventListQuery.safeParse({ ...raw, limit: String(pageSize) });
  if (parsed.success) {
    try {
      if (parsed.data.cursor) decodeCursor(parsed.data.cursor);
    } catch {
      return { ok: false, message: "cursor: not a link to a page of this log" };
    }
    return { ok: true, value: parsed.data };
  }
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue.path.join(".") || "query"}: ${issue.message}` };
}
