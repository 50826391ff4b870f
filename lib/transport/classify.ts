import type { FailureReason } from "../failures/reasons";

// Turns whatever a failed exchange threw into one of the recorded reasons and a sentence an admin
// can act on. undici wraps the socket's error (`cause`), and a connection raced over IPv4 and
// IPv6 fails with an AggregateError of both, so the whole tree of errors is searched.

export type Failure = { reason: FailureReason; message: string };

export type FailureContext = { hostname: string; port: number; timeoutMs: number };

const TLS_EXPIRED = new Set(["CERT_HAS_EXPIRED"]);
const TLS_SELF_SIGNED = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN"]);
const TLS_UNKNOWN_CA = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
]);
const TLS_HOSTNAME = new Set(["ERR_TLS_CERT_ALTNAME_INVALID"]);
const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME", "ENODATA"]);
const REFUSED = new Set(["ECONNREFUSED"]);
const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);
const TIMEOUT = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
const RESET = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "UND_ERR_SOCKET"]);
const NOT_HTTP = new Set(["UND_ERR_HEADERS_OVERFLOW", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"]);
// Bad headers built by the caller, or a send after close: bugs here, not the receiver's doing.
const PROGRAMMER_ERRORS = new Set(["UND_ERR_INVALID_ARG", "UND_ERR_DESTROYED", "UND_ERR_CLOSED"]);
// OpenSSL's certificate verification results (CERT_NOT_YET_VALID, CERT_REVOKED, …) and Node's
// TLS/SSL error codes; anything here not matched above is a handshake failure.
const TLS_OTHER = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|INVALID_|HOSTNAME_|EPROTO$)/;

export function classifyError(error: unknown, context: FailureContext): Failure {
  const errors = flatten(error);
  const codes = errors.map((e) => e.code).filter((code): code is string => typeof code === "string");
  const has = (set: Set<string>) => codes.some((code) => set.has(code));
  const { hostname, port } = context;

  const blocked = errors.find((e) => e.code === "ERR_DESTINATION_BLOCKED");
  if (blocked) return { reason: "destination_blocked", message: blocked.message };
  if (has(TLS_EXPIRED))
    return { reason: "tls_certificate_expired", message: `The TLS certificate of ${hostname} has expired.` };
  if (has(TLS_SELF_SIGNED)) {
    return {
      reason: "tls_self_signed",
      message: `${hostname} presented a self-signed TLS certificate, which is not trusted.`,
    };
  }
  if (has(TLS_UNKNOWN_CA)) {
    return {
      reason: "tls_unknown_ca",
      message: `The TLS certificate of ${hostname} is not issued by a trusted certificate authority, or the server does not send its intermediate certificates.`,
    };
  }
  if (has(TLS_HOSTNAME)) {
    return {
      reason: "tls_hostname_mismatch",
      message: `The TLS certificate presented by ${hostname} is not valid for the name ${hostname}.`,
    };
  }
  if (has(DNS))
    return { reason: "dns", message: `The host name ${hostname} did not resolve (${codes.find((c) => DNS.has(c))}).` };
  if (has(REFUSED))
    return { reason: "connection_refused", message: `${hostname} refused the connection on port ${port}.` };
  if (has(UNREACHABLE))
    return { reason: "connection_refused", message: `${hostname} could not be reached on port ${port}.` };
  if (has(TIMEOUT)) return timeoutFailure(context.timeoutMs);
  const tls = errors.find(
    (e) => (typeof e.code === "string" && TLS_OTHER.test(e.code)) || typeof e.library === "string",
  );
  if (tls) return { reason: "tls_handshake", message: `The TLS handshake with ${hostname} failed: ${tls.message}` };
  // undici's parser error often has no code, only its name.
  const notHttp = errors.find(
    (e) =>
      e.name === "HTTPParserError" ||
      (typeof e.code === "string" && (NOT_HTTP.has(e.code) || e.code.startsWith("HPE_"))),
  );
  if (notHttp) {
    return {
      reason: "connection_reset",
      message: `${hostname} answered with something that is not a valid HTTP/1.1 response (${notHttp.message}); NovaVMS closed the connection.`,
    };
  }
  if (has(RESET)) {
    return {
      reason: "connection_reset",
      message: `${hostname} closed the connection before a complete response arrived.`,
    };
  }
  // Anything left (a malformed response, an unexpected socket error) ended the exchange without
  // an answer; the receiver's side of the connection is where to look, as for a reset.
  const detail = errors[0]?.message || String(error);
  return {
    reason: "connection_reset",
    message: `The exchange with ${hostname} failed before a response arrived: ${detail}`,
  };
}

export function isProgrammerError(error: unknown): boolean {
  return flatten(error).some((e) => typeof e.code === "string" && PROGRAMMER_ERRORS.has(e.code));
}

export function timeoutFailure(timeoutMs: number): Failure {
  return {
    reason: "timeout",
    message: `No response within ${formatSeconds(timeoutMs)} s; NovaVMS closed the connection.`,
  };
}

export function dnsTimeoutFailure(hostname: string, timeoutMs: number): Failure {
  return { reason: "dns", message: `The host name ${hostname} did not resolve within ${formatSeconds(timeoutMs)} s.` };
}

export function httpStatusFailure(status: number): Failure {
  const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
  return { reason: "http_status", message: `Your endpoint returned HTTP ${status}${redirect}.` };
}

type ErrorLike = { name: string; code?: unknown; message: string; library?: unknown };

function flatten(root: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const queue: unknown[] = [root];
  const seen = new Set<unknown>();
  while (queue.length > 0 && found.length < 32) {
    const current = queue.shift();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    found.push(current as ErrorLike);
    if (current.cause !== undefined) queue.push(current.cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return found;
}

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}
