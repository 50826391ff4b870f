import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { readDelivery } from "@/lib/delivery-log/read-deliveries";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(await readDelivery(app, caller, { deliveryId: params.id }), requestId);
});
