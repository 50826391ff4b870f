import { authenticateApiToken } from "../auth/api-tokens";
import { operatorCaller, platformCaller, tokenCaller, type AnyCaller, type Caller } from "../auth/caller";
import { authenticateOperatorToken } from "../auth/operator-tokens";
import { getAppContext, type AppContext } from "../context";
import { NotFoundError, UnauthorizedError } from "../errors";
import { findOrgByRef } from "../orgs/find-org";
import { assertStorableParams } from "./handler";
import { newApiRequestId } from "./request-id";
import { errorResponse } from "./respond";

export type PlatformCall<P> = {
  app: AppContext;
  request: Request;
  requestId: string;
  params: P;
  /** The operator token as the platform, or an org's API token (which the policy table refuses). */
  caller: AnyCaller;
};

/**
 * Wraps a route of the orgs API (`/api/v1/orgs`, `/api/v1/orgs/{id}`): the operator token becomes
 * the platform caller; an org's own API token is authenticated too, so the policy table answers it
 * 403 rather than a misleading 401.
 */
export function platformRoute<P>(handler: (call: PlatformCall<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = newApiRequestId();
    let app: AppContext | undefined;
    try {
      app = getAppContext();
      const params = await route.params;
      assertStorableParams(params);
      const authorization = request.headers.get("authorization");
      const operatorId = await authenticateOperatorToken(app.db, authorization);
      let caller: AnyCaller;
      if (operatorId) caller = platformCaller(operatorId);
      else {
        const auth = await authenticateApiToken(app.db, authorization);
        if (!auth) throw new UnauthorizedError(OPERATOR_TOKEN_MESSAGE);
        caller = tokenCaller(auth);
      }
      return await handler({ app, request, requestId, params, caller });
    } catch (error) {
      return errorResponse(error, requestId, app?.log);
    }
  };
}

const OPERATOR_TOKEN_MESSAGE = "Missing or invalid token: send `Authorization: Bearer <operator token>`.";

/**
 * The caller of an org-level call made through `/api/v1/orgs/{ref}/…`: the operator token acting
 * for that org, or an org's API token for its own org only. Another org's token gets "not found",
 * as for any id of an org it cannot see.
 */
export async function callerForOrg(app: AppContext, request: Request, ref: string): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  const operatorId = await authenticateOperatorToken(app.db, authorization);
  const token = operatorId ? null : await authenticateApiToken(app.db, authorization);
  if (!operatorId && !token) throw new UnauthorizedError();
  const org = await findOrgByRef(app.db, ref);
  if (operatorId) return operatorCaller(operatorId, org.id);
  if (token!.orgId !== org.id) throw new NotFoundError("Organisation");
  return tokenCaller(token!);
}
