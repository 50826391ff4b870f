import { apiRoute } from "@/lib/api/handler";
import { jsonResponse } from "@/lib/api/respond";
import { getSigningInfo } from "@/lib/signing/signing-info";

export const GET = apiRoute<{ id: string }>(async ({ app, requestId, orgId, params }) => {
  return jsonResponse(await getSigningInfo(app.db, app.cipher, orgId, params.id), requestId);
});
