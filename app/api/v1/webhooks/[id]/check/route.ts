import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { checkDepsOf } from "@/lib/endpoint-check/app-deps";
import { checkEndpoint } from "@/lib/endpoint-check/run-check";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params, tokenId }) => {
  const result = await checkEndpoint(checkDepsOf(app), { orgId, webhookId: params.id, actor: `token:${tokenId}` });
  return jsonResponse(result, requestId);
});
