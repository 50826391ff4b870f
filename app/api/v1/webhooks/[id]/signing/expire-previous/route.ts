import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { endGracePeriod } from "@/lib/secret-check/end-grace-period";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params, tokenId }) => {
  const { expired, ...signing } = await endGracePeriod(app.db, app.cipher, {
    orgId,
    webhookId: params.id,
    actor: `token:${tokenId}`,
  });
  return jsonResponse({ ...signing, expired }, requestId);
});
