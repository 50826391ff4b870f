import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { replayDelivery } from "@/lib/attempts/replay";
import { getProcessSender } from "@/lib/transport/process-sender";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params, tokenId }) => {
  const { attempt } = await replayDelivery(
    { db: app.db, cipher: app.cipher, send: getProcessSender(app.config).send },
    { orgId, deliveryId: params.id, actor: `token:${tokenId}` },
  );
  return jsonResponse(attempt, requestId);
});
