import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { pageQuery } from "@/lib/api/schemas";
import { createWebhook } from "@/lib/webhooks/manage";
import { listWebhooks } from "@/lib/webhooks/queries";
import { createWebhookInput } from "@/lib/webhooks/schemas";
import { serializeWebhook } from "@/lib/webhooks/serialize";

export const GET = apiRoute(async ({ app, request, requestId, orgId }) => {
  const page = parseQuery(request.url, pageQuery);
  const { items, next_cursor } = await listWebhooks(app.db, orgId, page);
  return jsonResponse({ data: items.map(serializeWebhook), next_cursor }, requestId);
});

export const POST = apiRoute(async ({ app, request, requestId, orgId, tokenId }) => {
  const input = await parseJsonBody(request, createWebhookInput);
  const webhook = await createWebhook(app.db, app.cipher, orgId, input, `token:${tokenId}`);
  return jsonResponse(serializeWebhook(webhook), requestId, 201);
});
