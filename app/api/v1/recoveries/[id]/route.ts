import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { readRecovery } from "@/lib/recovery/read-recoveries";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(await readRecovery(app, caller, { recoveryId: params.id }), requestId);
});
