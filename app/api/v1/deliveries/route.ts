import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { deliveryListQuery } from "@/lib/api/schemas";
import { readDeliveries } from "@/lib/delivery-log/read-deliveries";

export const GET = apiRoute(async ({ app, request, requestId, caller }) => {
  const query = parseQuery(request.url, deliveryListQuery);
  const { data, next_cursor } = await readDeliveries(app, caller, {
    webhookId: query.webhook_id,
    status: query.status,
    eventType: query.event_type,
    requestId: query.request_id,
    since: query.since,
    until: query.until,
    limit: query.limit,
    cursor: query.cursor,
    sort: "created",
  });
  return jsonResponse({ data, next_cursor }, requestId);
});
