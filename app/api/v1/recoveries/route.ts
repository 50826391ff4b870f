import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { createRecovery } from "@/lib/recovery/create";
import { readRecoveries } from "@/lib/recovery/read-recoveries";
import { createRecoveryInput, recoveryListQuery } from "@/lib/recovery/schemas";

export const GET = apiRoute(async ({ app, request, requestId, caller }) => {
  const query = parseQuery(request.url, recoveryListQuery);
  return jsonResponse(await readRecoveries(app, caller, query), requestId);
});

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, createRecoveryInput);
  const result = await createRecovery(app, caller, input);
  if (result.dryRun) return jsonResponse({ count: result.count }, requestId);
  return jsonResponse(result.recovery, requestId, 202);
});
