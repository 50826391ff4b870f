import { assertStorableParams } from "@/lib/api/handler";
import { callerForOrg } from "@/lib/api/operator-handler";
import { errorResponse } from "@/lib/api/respond";
import { newApiRequestId } from "@/lib/api/request-id";
import { getAppContext, type AppContext } from "@/lib/context";
import { NotFoundError } from "@/lib/errors";
import { matchOrgRoute } from "./org-routes";

// Every org-level route of /api/v1, reached as /api/v1/orgs/{id}/…: the org is resolved (`{id}` or
// `ext:<external_id>`), the caller is built for it (the operator token acting for the org, or the
// org's own token), and the request goes to the same route handler as /api/v1/… itself.

type Params = { org: string; path: string[] };

async function dispatch(request: Request, route: { params: Promise<Params> }): Promise<Response> {
  let app: AppContext | undefined;
  try {
    app = getAppContext();
    const { org, path } = await route.params;
    assertStorableParams({ org, path });
    const match = matchOrgRoute(request.method, path);
    if (!match) throw new NotFoundError("API path");
    const caller = await callerForOrg(app, request, org);
    return await match.handler(request, { params: Promise.resolve(match.params), caller });
  } catch (error) {
    return errorResponse(error, newApiRequestId(), app?.log);
  }
}

export { dispatch as GET, dispatch as POST, dispatch as PATCH, dispatch as DELETE, dispatch as PUT };
