import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestBatchInput, ingestEventBatch } from "@/lib/events/ingest-batch";

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, ingestBatchInput, app.config.maxBatchBytes);
  const results = await ingestEventBatch(app, caller, input);
  return jsonResponse(
    { events: results.map((r) => ({ id: r.id, deliveries: r.deliveries, duplicate: r.duplicate })) },
    requestId,
    202,
  );
});
