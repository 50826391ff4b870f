import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { ingestEventInput } from "@/lib/events/ingest";
import { ingestEventGrouped } from "@/lib/events/group-commit";
import { observeIngest } from "@/lib/metrics/observe";
import { tracedRoute } from "@/lib/tracing/traced-route";

export const POST = tracedRoute(
  "/api/v1/events",
  apiRoute(async ({ app, request, requestId, caller }) => {
    const input = await parseJsonBody(request, ingestEventInput, app.config.maxEventBytes);
    const result = await ingestEventGrouped(app, caller, input);
    observeIngest(result);
    return jsonResponse({ id: result.id, deliveries: result.deliveries }, requestId, 202);
  }),
);
