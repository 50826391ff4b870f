import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { endGracePeriod } from "@/lib/secret-check/end-grace-period";

export const POST = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  const { expired, ...signing } = await endGracePeriod(app, caller, { webhookId: params.id });
  return jsonResponse({ ...signing, expired }, requestId);
});
