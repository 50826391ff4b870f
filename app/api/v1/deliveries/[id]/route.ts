import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { getDelivery } from "@/lib/delivery-log/queries";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params }) => {
  return jsonResponse((await getDelivery(app.db, orgId, params.id)).view, requestId);
});
