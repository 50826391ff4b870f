import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { replayDelivery } from "@/lib/attempts/replay";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  const { attempt } = await replayDelivery(app, caller, { deliveryId: params.id });
  return jsonResponse(attempt, requestId);
});
