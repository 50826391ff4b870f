import { authenticateApiToken } from "../auth/api-tokens";
import { getAppContext, type AppContext } from "../context";
import { UnauthorizedError } from "../errors";
import { newId } from "../ids";
import { observeApiRequest } from "../metrics/observe";
import { errorResponse } from "./respond";

export type ApiCall<P> = {
  app: AppContext;
  request: Request;
  requestId: string;
  params: P;
  /** The org of the API token; every query of the call is scoped to it. */
  orgId: string;
  tokenId: string;
};

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps an `/api/v1` route handler: a request id, Bearer-token authentication, and every thrown
 * error turned into the documented error shape.
 */
export function apiRoute<P = Record<string, never>>(handler: (call: ApiCall<P>) => Promise<Response>) {
  return async (request: Request, route: RouteContext<P>): Promise<Response> => {
    const requestId = newId("req");
    let app: AppContext | undefined;
    try {
      app = getAppContext();
      const auth = await authenticateApiToken(app.db, request.headers.get("authorization"));
      if (!auth) throw new UnauthorizedError();
      const params = route?.params ? await route.params : ({} as P);
      return counted(
        request,
        await handler({ app, request, requestId, params, orgId: auth.orgId, tokenId: auth.tokenId }),
      );
    } catch (error) {
      return counted(request, errorResponse(error, requestId, app?.log));
    }
  };
}

function counted(request: Request, response: Response): Response {
  observeApiRequest(request, response.status);
  return response;
}
