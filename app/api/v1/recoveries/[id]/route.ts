import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { getRecovery } from "@/lib/recovery/queries";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params }) => {
  return jsonResponse(await getRecovery(app.db, orgId, params.id), requestId);
});
