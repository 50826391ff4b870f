import { platformRoute } from "@/lib/api/operator-handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { readOrg, updateOrg } from "@/lib/orgs/manage-orgs";
import { updateOrgInput } from "@/lib/orgs/schemas";
import { serializeOrg } from "@/lib/orgs/serialize";

type Params = { org: string };

export const GET = platformRoute<Params>(async ({ app, requestId, caller, params }) => {
  return jsonResponse(serializeOrg(await readOrg(app, caller, { ref: params.org })), requestId);
});

export const PATCH = platformRoute<Params>(async ({ app, request, requestId, caller, params }) => {
  const changes = await parseJsonBody(request, updateOrgInput);
  return jsonResponse(serializeOrg(await updateOrg(app, caller, { ref: params.org, changes })), requestId);
});

export const DELETE = platformRoute<Params>(async ({ app, requestId, caller, params }) => {
  const deleted = await deleteOrg(app, caller, { ref: params.org });
  return jsonResponse({ deleted }, requestId);
});
