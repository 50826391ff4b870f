import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { readWebhook } from "@/lib/webhooks/read-webhooks";
import { updateWebhookInput } from "@/lib/webhooks/schemas";
import { serializeWebhook } from "@/lib/webhooks/serialize";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(serializeWebhook(await readWebhook(app, caller, { webhookId: params.id })), requestId);
});

export const PATCH = apiRoute<Params>(async ({ app, request, requestId, caller, params }) => {
  const changes = await parseJsonBody(request, updateWebhookInput);
  const webhook = await updateWebhook(app, caller, { webhookId: params.id, changes });
  return jsonResponse(serializeWebhook(webhook), requestId);
});

export const DELETE = apiRoute<Params>(async ({ app, requestId, caller, params }) => {
  await deleteWebhook(app, caller, { webhookId: params.id });
  return new Response(null, { status: 204, headers: { "X-Request-Id": requestId } });
});
