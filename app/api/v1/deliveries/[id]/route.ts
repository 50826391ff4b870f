import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { getDeliveryView } from "@/lib/delivery-log/api-views";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params }) => {
  return jsonResponse(await getDeliveryView(app.db, orgId, params.id), requestId);
});
