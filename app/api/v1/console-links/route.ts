import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { createConsoleLink, createConsoleLinkInput } from "@/lib/console-links/create-link";

// Reached as POST /api/v1/orgs/{id}/console-links by the operator; an org's own token is refused.
export const POST = apiRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, createConsoleLinkInput);
  const baseUrl = app.config.publicUrl ?? new URL(request.url).origin;
  return jsonResponse(await createConsoleLink(app, caller, { ...input, baseUrl }), requestId, 201);
});
