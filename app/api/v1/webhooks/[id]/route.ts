import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/manage";
import { getWebhook } from "@/lib/webhooks/queries";
import { updateWebhookInput } from "@/lib/webhooks/schemas";
import { serializeWebhook } from "@/lib/webhooks/serialize";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ app, requestId, orgId, params }) => {
  return jsonResponse(serializeWebhook(await getWebhook(app.db, orgId, params.id)), requestId);
});

export const PATCH = apiRoute<Params>(async ({ app, request, requestId, orgId, params, tokenId }) => {
  const input = await parseJsonBody(request, updateWebhookInput);
  const webhook = await updateWebhook(app.db, orgId, params.id, input, `token:${tokenId}`, new Date(), app.cipher);
  return jsonResponse(serializeWebhook(webhook), requestId);
});

export const DELETE = apiRoute<Params>(async ({ app, requestId, orgId, params, tokenId }) => {
  await deleteWebhook(app.db, orgId, params.id, `token:${tokenId}`);
  return new Response(null, { status: 204, headers: { "X-Request-Id": requestId } });
});
