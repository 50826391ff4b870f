import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestBatchInput, ingestEventBatch } from "@/lib/events/ingest-batch";
import { observeIngest } from "@/lib/metrics/observe";
import { tracedRoute } from "@/lib/tracing/traced-route";

export const POST = tracedRoute(
  "/api/v1/events/batch",
  apiRoute(async ({ app, request, requestId, caller }) => {
    const input = await parseJsonBody(request, ingestBatchInput, app.config.maxBatchBytes);
    const results = await ingestEventBatch(app, caller, input);
    for (const result of results) observeIngest(result);
    return jsonResponse(
      { events: results.map((r) => ({ id: r.id, deliveries: r.deliveries, duplicate: r.duplicate })) },
      requestId,
      202,
    );
  }),
);
