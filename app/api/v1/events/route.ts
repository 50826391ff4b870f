import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestEvent, ingestEventInput } from "@/lib/events/ingest";
import { observeIngest } from "@/lib/metrics/observe";

export const POST = apiRoute(async ({ app, request, requestId, orgId }) => {
  const input = await parseJsonBody(request, ingestEventInput, app.config.maxEventBytes);
  const result = await ingestEvent(app.db, orgId, input);
  observeIngest(result);
  return jsonResponse({ id: result.id, deliveries: result.deliveries }, requestId, 202);
});
