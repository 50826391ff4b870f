import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { auditEventListQuery } from "@/lib/audit/list-query";
import { readAuditEvents } from "@/lib/audit/read-audit-log";

export const GET = apiRoute(async ({ app, request, requestId, caller }) => {
  const query = parseQuery(request.url, auditEventListQuery);
  return jsonResponse(await readAuditEvents(app, caller, query), requestId);
});
