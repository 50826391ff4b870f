import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { checkEndpoint } from "@/lib/endpoint-check/run-check";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  const result = await checkEndpoint(app, caller, { webhookId: params.id });
  return jsonResponse(result, requestId);
});
