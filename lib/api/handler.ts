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

/**
 * What Next.js passes a route handler, plus `caller`: set only in-process by the
 * `/api/v1/orgs/{id}/…` dispatcher (the operator acting for that org), never from a request.
 */
type RouteContext<P> = { params: Promise<P>; caller?: Caller };

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
      const caller = route?.caller ?? (await tokenCallerOf(app, request));
      const params = route?.params ? await route.params : ({} as P);
      assertStorableParams(params);
      return counted(request, await handler({ app, request, requestId, params, caller }));
    } catch (error) {
      return counted(request, errorResponse(error, requestId, app?.log));
    }
  };
}

/** PostgreSQL text cannot hold NUL or half a UTF-16 pair: a path id with one names nothing (400). */
export function assertStorableParams(params: unknown): void {
  const values = Object.values((params ?? {}) as object).flat();
  if (values.some((value) => typeof value === "string" && !isStorableText(value))) {
    throw new ValidationError("path: an id must be valid text without NUL characters");
  }
}

async function tokenCallerOf(app: AppContext, request: Request): Promise<Caller> {
  const auth = await authenticateApiToken(app.db, request.headers.get("authorization"));
  if (!auth) throw new UnauthorizedError();
  return tokenCaller(auth);
}

function counted(request: Request, response: Response): Response {
  observeApiRequest(request, response.status);
  return response;
}
