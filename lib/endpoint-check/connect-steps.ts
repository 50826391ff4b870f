import net from "node:net";
import tls, { type SecureContext, type TLSSocket } from "node:tls";
import { certificateChain, daysLeft, leafCertificate } from "../cert-watch/peer-certificate";
import { classifyError, timeoutFailure } from "../transport/classify";
import { adviceFor, failedStep } from "./advice";
import type { CheckStep } from "./types";

export type ConnectTarget = { hostname: string; address: string; port: number; https: boolean };
export type ConnectOptions = { timeoutMs: number; secureContext: SecureContext; certWarningDays: number; now: Date };
export type ConnectOutcome = {
  tcp: CheckStep;
  tls: CheckStep | null;
  certificate: { expiresAt: Date; issuer: string } | null;
};

/**
 * Steps 2 and 3: a TCP connection to the address the DNS step chose, then, for https, the TLS
 * handshake on it with the delivery's trust store and SNI. Verification is done here rather than
 * by the handshake, so an untrusted or expired certificate is still described before it is judged.
 */
export async function checkConnection(target: ConnectTarget, options: ConnectOptions): Promise<ConnectOutcome> {
  const context = { hostname: target.hostname, port: target.port, timeoutMs: options.timeoutMs };
  const tcpStarted = performance.now();
  let socket: net.Socket;
  try {
    socket = await connectTcp(target.address, target.port, options.timeoutMs);
  } catch (error) {
    const failure = error instanceof TimeoutError ? timeoutFailure(options.timeoutMs) : classifyError(error, context);
    const detail = { address: target.address, port: target.port };
    const step = failedStep({ name: "tcp", duration_ms: since(tcpStarted), detail }, failure.reason, failure.message);
    return { tcp: step, tls: null, certificate: null };
  }
  const tcp: CheckStep = {
    name: "tcp",
    status: "ok",
    duration_ms: since(tcpStarted),
    detail: { address: target.address, port: target.port },
  };
  if (!target.https) {
    socket.destroy();
    return { tcp, tls: null, certificate: null };
  }

  const tlsStarted = performance.now();
  const servername = net.isIP(target.hostname) ? undefined : target.hostname;
  let secure: TLSSocket;
  try {
    secure = await handshake(socket, servername, options);
  } catch (error) {
    socket.destroy();
    const failure = error instanceof TimeoutError ? timeoutFailure(options.timeoutMs) : classifyError(error, context);
    const detail = { sni: servername ?? null };
    const step = failedStep({ name: "tls", duration_ms: since(tlsStarted), detail }, failure.reason, failure.message);
    return { tcp, tls: step, certificate: null };
  }
  const duration = since(tlsStarted);
  const chain = certificateChain(secure, options.now);
  const leaf = secure.getPeerCertificate(false);
  const hostnameMatches = !tls.checkServerIdentity(target.hostname, leaf);
  const error = secure.authorizationError ? String(secure.authorizationError) : null;
  const trusted = error === null || error === "ERR_TLS_CERT_ALTNAME_INVALID";
  const certificate = leafCertificate(secure);
  const protocol = secure.getProtocol();
  secure.destroy();
  const detail = {
    protocol,
    sni: servername ?? null,
    hostname_matches: hostnameMatches,
    trusted,
    verification_error: error,
    chain,
  };
  const base = { name: "tls" as const, duration_ms: duration, detail };

  if (error && error !== "ERR_TLS_CERT_ALTNAME_INVALID") {
    const failure = classifyError(Object.assign(new Error(error), { code: error }), context);
    const expiredOn = certificate
      ? ` It expired on ${day(certificate.expiresAt)} (${days(daysLeft(options.now, certificate.expiresAt))} ago).`
      : "";
    const cause = failure.reason === "tls_certificate_expired" ? failure.message + expiredOn : failure.message;
    return { tcp, tls: failedStep(base, failure.reason, cause), certificate };
  }
  if (!hostnameMatches) {
    const names = chain[0]?.subject_alt_names.join(", ") || "no names";
    const cause = `The TLS certificate presented by ${target.hostname} is not valid for the name ${target.hostname}; it names ${names}.`;
    return { tcp, tls: failedStep(base, "tls_hostname_mismatch", cause), certificate };
  }
  if (certificate && daysLeft(certificate.expiresAt, options.now) < options.certWarningDays) {
    const left = daysLeft(certificate.expiresAt, options.now);
    return {
      tcp,
      tls: {
        ...base,
        status: "warning",
        reason: "tls_certificate_expired",
        cause: `The certificate of ${target.hostname} expires in ${days(left)} (on ${day(certificate.expiresAt)}). Deliveries will fail with tls_certificate_expired after that.`,
        fix: adviceFor("tls_certificate_expired", ["Renew the certificate before it expires."]),
      },
      certificate,
    };
  }
  return { tcp, tls: { ...base, status: "ok" }, certificate };
}

class TimeoutError extends Error {}

function connectTcp(address: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TimeoutError());
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function handshake(socket: net.Socket, servername: string | undefined, options: ConnectOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      servername,
      secureContext: options.secureContext,
      // Judged after the handshake, so the certificate can be described whatever is wrong with it.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new TimeoutError());
    }, options.timeoutMs);
    secure.once("secureConnect", () => {
      clearTimeout(timer);
      resolve(secure);
    });
    secure.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function since(started: number): number {
  return Math.round(performance.now() - started);
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
