import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { auditEventListQuery } from "@/lib/audit/list-query";
import { listAuditEvents } from "@/lib/audit/queries";

export const GET = apiRoute(async ({ app, request, requestId, orgId }) => {
  const query = parseQuery(request.url, auditEventListQuery);
  return jsonResponse(await listAuditEvents(app.db, orgId, query), requestId);
});
