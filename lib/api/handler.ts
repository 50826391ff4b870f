import { authenticateApiToken } from "../auth/api-tokens";
import { tokenCaller, type Caller } from "../auth/caller";
import { getAppContext, type AppContext } from "../context";
import { UnauthorizedError, ValidationError } from "../errors";
import { observeApiRequest } from "../metrics/observe";
import { isStorableText } from "./json-limits";
import { newApiRequestId } from "./request-id";
import { errorResponse } from "./respond";

export type ApiCall<P> = {
  app: AppContext;
  request: Request;
  requestId: string;
  params: P;
  /** The API token that called, bound to its org; `lib/` authorizes and scopes every query by it. */
  caller: Caller;
};

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps an `/api/v1` route handler: a request id, Bearer-token authentication into a `Caller`, and every thrown
 * error turned into the documented error shape.
 */
export function apiRoute<P = Record<string, never>>(handler: (call: ApiCall<P>) => Promise<Response>) {
  return async (request: Request, route: RouteContext<P>): Promise<Response> => {
    const requestId = newApiRequestId();
    let app: AppContext | undefined;
    try {
      app = getAppContext();
      const auth = await authenticateApiToken(app.db, request.headers.get("authorization"));
      if (!auth) throw new UnauthorizedError();
      const params = route?.params ? await route.params : ({} as P);
      // PostgreSQL text cannot hold NUL or half a UTF-16 pair: such an id names nothing.
      if (Object.values(params as object).some((value) => typeof value === "string" && !isStorableText(value))) {
        throw new ValidationError("path: an id must be valid text without NUL characters");
      }
      return counted(request, await handler({ app, request, requestId, params, caller: tokenCaller(auth) }));
    } catch (error) {
      return counted(request, errorResponse(error, requestId, app?.log));
    }
  };
}

function counted(request: Request, response: Response): Response {
  observeApiRequest(request, response.status);
  return response;
}
