// Domain errors with stable codes. lib/api/respond.ts turns them into
// `{ "error": { "code", "message", "request_id" } }` with the status given here; anything else is
// logged and answered with a generic 500.

export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    /** Per-field messages for invalid input: { "url": "must start with https://" }. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super("invalid_request", message, 400, fields);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Missing or invalid API token: send `Authorization: Bearer <org API token>`.") {
    super("unauthorized", message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this action.") {
    super("forbidden", message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("not_found", `${what} not found.`, 404);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", message, 409);
  }
}

export class RecoveryRunningError extends AppError {
  constructor(readonly runningId: string) {
    super(
      "recovery_running",
      `A recovery is already running for this webhook (${runningId}): wait for it to finish or cancel it first.`,
      409,
    );
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super("payload_too_large", `The request body is larger than ${limit} bytes.`, 413);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super("unsupported_media_type", "Send the request body as JSON with `Content-Type: application/json`.", 415);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message, 429);
  }
}

export class DatabaseUnavailableError extends AppError {
  readonly retryAfterSeconds = 5;
  constructor() {
    super(
      "database_unavailable",
      "The database is unavailable for a moment; nothing was changed. Retry after the `Retry-After` seconds.",
      503,
    );
  }
}

export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(
      "idempotency_key_reused",
      "This idempotency_key was already used for a different event; send the same body again or use a new key.",
      409,
    );
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allowed: string[],
  ) {
    super("method_not_allowed", `${method} is not allowed here; use ${allowed.join(", ")}.`, 405);
  }
}

/** Every code the API can answer with; the error code reference page lists each of them. */
export const API_ERROR_CODES = {
  invalid_request: {
    status: 400,
    description: "The request is malformed or a field is invalid; `message` says which.",
  },
  unauthorized: { status: 401, description: "The `Authorization: Bearer` API token is missing, unknown or revoked." },
  forbidden: { status: 403, description: "The signed-in user's role (viewer) does not allow the change." },
  not_found: { status: 404, description: "No such resource in your organisation (or the path does not exist)." },
  conflict: {
    status: 409,
    description: "The change conflicts with the current state, e.g. an idempotency key reused for a different event.",
  },
  recovery_running: {
    status: 409,
    description:
      "A bulk recovery is already running for this webhook (or for every webhook of the org); cancel it or wait for it to finish.",
  },
  idempotency_key_reused: {
    status: 409,
    description: "The `idempotency_key` was first used with a different event type or data; nothing was created.",
  },
  method_not_allowed: {
    status: 405,
    description: "The path exists but not for this HTTP method; the `Allow` header lists the methods it takes.",
  },
  payload_too_large: {
    status: 413,
    description: "The request body is over the size limit (256 KiB for events by default).",
  },
  unsupported_media_type: { status: 415, description: "The body is not `application/json`." },
  rate_limited: { status: 429, description: "Too many attempts; wait for the `Retry-After` seconds." },
  database_unavailable: {
    status: 503,
    description:
      "The database is unreachable for a moment (restarting, failing over); nothing was changed. Retry after `Retry-After` seconds.",
  },
  internal_error: { status: 500, description: "An unexpected error on our side; quote the `request_id` to support." },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
