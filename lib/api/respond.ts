import { classifyDatabaseError } from "../db/failure-kind";
import {
  AppError,
  DatabaseUnavailableError,
  MethodNotAllowedError,
  RateLimitedError,
  ValidationError,
} from "../errors";
import type { Logger } from "../log";

/** `{ "error": { "code", "message", "request_id" } }` for any error; never a stack trace. */
export function errorResponse(thrown: unknown, requestId: string, log?: Logger): Response {
  const error = fromDatabaseError(thrown, requestId, log);
  if (error instanceof AppError) {
    const headers: Record<string, string> = { "X-Request-Id": requestId };
    if (error instanceof RateLimitedError || error instanceof DatabaseUnavailableError) {
      headers["Retry-After"] = String(error.retryAfterSeconds);
    }
    if (error instanceof MethodNotAllowedError) headers.Allow = error.allowed.join(", ");
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

// An outage is a 503 the client retries; a value PostgreSQL refuses to store (a NUL character,
// a date out of its range) is the client's 400. Anything else stays an unexpected error.
function fromDatabaseError(error: unknown, requestId: string, log?: Logger): unknown {
  if (error instanceof AppError) return error;
  const failure = classifyDatabaseError(error);
  if (failure?.kind === "unavailable") {
    log?.warn({ request_id: requestId, code: failure.code }, "database unavailable during an API request");
    return new DatabaseUnavailableError();
  }
  if (failure?.kind === "invalid_value") {
    return new ValidationError(
      "A value in the request cannot be stored (a NUL character, or a number or date out of range).",
    );
  }
  return error;
}
