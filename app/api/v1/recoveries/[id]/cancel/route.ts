import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { cancelRecovery } from "@/lib/recovery/cancel";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(await cancelRecovery(app, caller, { recoveryId: params.id }), requestId);
});
