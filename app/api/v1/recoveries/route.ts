import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { createRecovery } from "@/lib/recovery/create";
import { listRecoveries } from "@/lib/recovery/queries";
import { createRecoveryInput, recoveryListQuery } from "@/lib/recovery/schemas";

export const GET = apiRoute(async ({ app, request, requestId, orgId }) => {
  const query = parseQuery(request.url, recoveryListQuery);
  return jsonResponse(await listRecoveries(app.db, orgId, query), requestId);
});

export const POST = apiRoute(async ({ app, request, requestId, orgId, tokenId }) => {
  const input = await parseJsonBody(request, createRecoveryInput);
  const result = await createRecovery(app.db, orgId, input, `token:${tokenId}`);
  if (result.dryRun) return jsonResponse({ count: result.count }, requestId);
  return jsonResponse(result.recovery, requestId, 202);
});
