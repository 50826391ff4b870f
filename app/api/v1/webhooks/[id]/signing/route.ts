import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { readSigningSecrets } from "@/lib/webhooks/read-webhooks";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(await readSigningSecrets(app, caller, { webhookId: params.id }), requestId);
});
