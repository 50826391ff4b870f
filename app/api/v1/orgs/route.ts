import { platformRoute } from "@/lib/api/operator-handler";
import { parseJsonBody, parseQuery } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { createOrg, listOrgs } from "@/lib/orgs/manage-orgs";
import { createOrgInput, orgListQuery } from "@/lib/orgs/schemas";
import { serializeOrg } from "@/lib/orgs/serialize";

export const GET = platformRoute(async ({ app, request, requestId, caller }) => {
  const query = parseQuery(request.url, orgListQuery);
  const { items, next_cursor } = await listOrgs(app, caller, query);
  return jsonResponse({ data: items.map(serializeOrg), next_cursor }, requestId);
});

export const POST = platformRoute(async ({ app, request, requestId, caller }) => {
  const input = await parseJsonBody(request, createOrgInput);
  return jsonResponse(serializeOrg(await createOrg(app, caller, input)), requestId, 201);
});
