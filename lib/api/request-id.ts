import { newId } from "../ids";

/**
 * The prefix of the API's own request ids (`api_…`, in error bodies and `X-Request-Id`), distinct
 * from an attempt's `request_id` (`req_…`) so nobody searches the delivery log for the wrong one.
 */
export const API_REQUEST_ID_PREFIX = "api";

/** A new id for one API request (route handlers and the proxy's own answers alike). */
export function newApiRequestId(): string {
  return newId(API_REQUEST_ID_PREFIX);
}
