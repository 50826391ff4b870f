import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestEventInput } from "@/lib/events/ingest";
import { ingestEventGrouped } from "@/lib/events/group-commit";

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, ingestEventInput, app.config.maxEventBytes);
  const result = await ingestEventGrouped(app, caller, input);
  return jsonResponse({ id: result.id, deliveries: result.deliveries }, requestId, 202);
});
