import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestEvent, ingestEventInput } from "@/lib/events/ingest";

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, ingestEventInput, app.config.maxEventBytes);
  const result = await ingestEvent(app, caller, input);
  return jsonResponse({ id: result.id, deliveries: result.deliveries }, requestId, 202);
});
