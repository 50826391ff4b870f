import { alertDestinationInput, createAlertDestination, readAlertDestinations } from "@/lib/alerts/destinations";
import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { serializeWebhook } from "@/lib/webhooks/serialize";

// The org's alert destinations (webhooks of purpose "alerts"), as the console's Settings shows them:
// reached by the operator as /api/v1/orgs/{id}/alert-destinations to set them up for a customer.
export const GET = apiRoute(async ({ app, requestId, caller }) => {
  const destinations = await readAlertDestinations(app, caller);
  return jsonResponse({ data: destinations.map(serializeWebhook), next_cursor: null }, requestId);
});

export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, alertDestinationInput);
  return jsonResponse(serializeWebhook(await createAlertDestination(app, caller, input)), requestId, 201);
});
