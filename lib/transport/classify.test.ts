import { describe, expect, it } from "vitest";
import { classifyError, isProgrammerError } from "./classify";

// The error shapes that the loopback tests cannot provoke, as Node and undici build them: codes
// that only a real CA chain, resolver or network produce, and wrappers around them.

const context = { hostname: "hooks.example.com", port: 443, timeoutMs: 10_000 };

function coded(code: string, message = code, extra: object = {}): Error {
  return Object.assign(new Error(message), { code }, extra);
}

function wrapped(inner: Error): Error {
  // undici reports a socket's failure as its own error with the original as `cause`.
  return Object.assign(new Error("other side closed", { cause: inner }), { code: "UND_ERR_SOCKET" });
}

describe("classifyError", () => {
  it.each([
    [coded("SELF_SIGNED_CERT_IN_CHAIN"), "tls_self_signed"],
    [coded("UNABLE_TO_GET_ISSUER_CERT_LOCALLY"), "tls_unknown_ca"],
    [coded("UNABLE_TO_GET_ISSUER_CERT"), "tls_unknown_ca"],
    [coded("CERT_NOT_YET_VALID"), "tls_handshake"],
    [coded("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION"), "tls_handshake"],
    [coded("ERR_SOMETHING", "handshake alert", { library: "SSL routines" }), "tls_handshake"],
    [coded("EAI_AGAIN"), "dns"],
    [coded("ENOTFOUND"), "dns"],
    [coded("EHOSTUNREACH"), "connection_refused"],
    [coded("ENETUNREACH"), "connection_refused"],
    [coded("EPIPE"), "connection_reset"],
    [coded("ECONNRESET"), "connection_reset"],
    [coded("ETIMEDOUT"), "timeout"],
    [coded("UND_ERR_HEADERS_TIMEOUT"), "timeout"],
    [wrapped(coded("CERT_HAS_EXPIRED")), "tls_certificate_expired"],
    [wrapped(coded("ECONNRESET")), "connection_reset"],
    [new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")], "connect failed"), "connection_refused"],
    [new Error("something else entirely"), "connection_reset"],
  ])("%s → %s", (error, reason) => {
    expect(classifyError(error, context).reason).toBe(reason);
  });

  it("words the messages for the admin, naming the host", () => {
    expect(classifyError(coded("EAI_AGAIN"), context).message).toBe(
      "The host name hooks.example.com did not resolve (EAI_AGAIN).",
    );
    expect(classifyError(coded("EHOSTUNREACH"), context).message).toBe(
      "hooks.example.com could not be reached on port 443.",
    );
    expect(classifyError(coded("ETIMEDOUT"), context).message).toBe(
      "No response within 10 s; NovaVMS closed the connection.",
    );
  });

  it("tells the caller's own mistakes apart", () => {
    expect(isProgrammerError(coded("UND_ERR_INVALID_ARG"))).toBe(true);
    expect(isProgrammerError(wrapped(coded("ECONNRESET")))).toBe(false);
  });
});
