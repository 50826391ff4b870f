import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { pageQuery } from "@/lib/api/schemas";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { readWebhooks } from "@/lib/webhooks/read-webhooks";
import { createWebhookInput } from "@/lib/webhooks/schemas";
import { serializeWebhook } from "@/lib/webhooks/serialize";

export const GET = apiRoute(async ({ app, request, requestId, caller }) => {
  const page = parseQuery(request.url, pageQuery);
  const { items, next_cursor } = await readWebhooks(app, caller, page);
  return jsonResponse({ data: items.map(serializeWebhook), next_cursor }, requestId);
});

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, createWebhookInput);
  const webhook = await createWebhook(app, caller, input);
  return jsonResponse(serializeWebhook(webhook), requestId, 201);
});
