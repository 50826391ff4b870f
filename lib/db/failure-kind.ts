// What a database error means for the caller, whichever layer raised it: `pg` (a Node socket code
// or a PostgreSQL SQLSTATE) or Prisma's driver adapter (which wraps both). Route handlers answer
// 503 for an outage and 400 for a value PostgreSQL cannot store; the worker backs off on an outage.

const UNREACHABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENOENT",
]);
const UNREACHABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseAccessDenied",
]);
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /Connection ended/i,
  /connection error/i,
  /timeout exceeded when trying to connect/i,
  /Client was closed/i,
  /Cannot use a pool after calling end/i,
];

export type DatabaseFailure = { kind: "unavailable" | "invalid_value"; code: string };

/** `unavailable` (server down, restarting, unreachable), `invalid_value` (SQLSTATE class 22), or null. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  for (const layer of layers(error)) {
    const code = stringField(layer, "originalCode") ?? stringField(layer, "code");
    const kind = stringField(layer, "kind");
    if (code && /^(08|57P0|53300)/.test(code)) return { kind: "unavailable", code };
    if (code && UNREACHABLE_SOCKET_CODES.has(code)) return { kind: "unavailable", code };
    if (kind && UNREACHABLE_ADAPTER_KINDS.has(kind)) return { kind: "unavailable", code: kind };
    if (code && /^22[0-9A-Z]{3}$/.test(code)) return { kind: "invalid_value", code };
    const message = stringField(layer, "message");
    if (message && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) {
      return { kind: "unavailable", code: "connection_lost" };
    }
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error)?.kind === "unavailable";
}

// The error, its causes, an AggregateError's parts and Prisma's `meta.driverAdapterError.cause`.
function layers(error: unknown): object[] {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    queue.push(record.cause, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return [...seen];
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}
