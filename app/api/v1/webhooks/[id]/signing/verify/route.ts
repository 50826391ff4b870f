import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { getProcessSender } from "@/lib/delivery/process-sender";
import { verifyNewSecret } from "@/lib/secret-check/verify-new-secret";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params, tokenId }) => {
  const verification = await verifyNewSecret(
    { db: app.db, cipher: app.cipher, send: getProcessSender(app.config).send },
    { orgId, webhookId: params.id, actor: `token:${tokenId}` },
  );
  return jsonResponse(verification, requestId);
});
