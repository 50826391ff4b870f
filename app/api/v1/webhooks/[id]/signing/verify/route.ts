import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { verifyNewSecret } from "@/lib/secret-check/verify-new-secret";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  const verification = await verifyNewSecret(app, caller, { webhookId: params.id });
  return jsonResponse(verification, requestId);
});
