import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { cancelRecovery } from "@/lib/recovery/cancel";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params, tokenId }) => {
  return jsonResponse(await cancelRecovery(app.db, orgId, params.id, `token:${tokenId}`), requestId);
});
