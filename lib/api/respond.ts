import { newId } from "../ids";
import { AppError, RateLimitedError } from "../errors";
import type { Logger } from "../log";

/**
 * The prefix of the API's own request ids (`api_…`, in error bodies and `X-Request-Id`), distinct
 * from an attempt's `request_id` (`req_…`) so nobody searches the delivery log for the wrong one.
 */
export const API_REQUEST_ID_PREFIX = "api";

/** A new id for one API request. */
export function newApiRequestId(): string {
  return newId(API_REQUEST_ID_PREFIX);
}

/** `{ "error": { "code", "message", "request_id" } }` for any error; never a stack trace. */
export function errorResponse(error: unknown, requestId: string, log?: Logger): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
    const body = {
      error: {
        code: error.code,
        message: error.message,
        request_id: requestId,
        ...(error.fields && { fields: error.fields }),
      },
    };
    return Response.json(body, { status: error.status, headers });
  }
  log?.error({ err: error, request_id: requestId }, "unexpected error in API request");
  return Response.json(
    {
      error: {
        code: "internal_error",
        message: "Something went wrong on our side. Quote the request_id to support.",
        request_id: requestId,
      },
    },
    { status: 500, headers: { "X-Request-Id": requestId } },
  );
}

export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return Response.json(body, { status, headers: { "X-Request-Id": requestId } });
}
