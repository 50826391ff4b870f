import { Agent, request } from "undici";
import {
  classifyError,
  dnsTimeoutFailure,
  httpStatusFailure,
  isProgrammerError,
  timeoutFailure,
  type Failure,
} from "./classify";
import { leafCertificate } from "../cert-watch/peer-certificate";
import { captureHeaders } from "./capture-headers";
import { createConnector } from "./connector";
import { MAX_STORED_BODY_BYTES } from "./limits";
import { readCapped } from "./read-capped";
import { checkLiteralHost, createGuardedLookup, type Resolver } from "./ssrf";
import { createTrustContext, loadTrustedCertificates } from "./trusted-cas";
import type { Send, SendResult } from "./types";
import { validateWebhookUrl } from "./validate-url";
import { isSandboxUrl } from "../demo/sandbox-origin";

// One delivery attempt on the wire: a POST of the exact bytes and headers, judged by its status,
// bounded in time and in what is kept of the answer. Every network outcome is a SendResult.

export type SenderOptions = {
  /** The whole exchange: connect, TLS, headers and the part of the body that is kept. */
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Pooled keep-alive connections per origin; unlimited when unset. */
  maxConnectionsPerOrigin?: number;
  /** The resolver; the operating system's unless given (tests use a DNS that never answers). */
  resolve?: Resolver;
  /** `http://127.0.0.1:<port>` of this server's sandbox receiver, reachable despite the guard. */
  sandboxOrigin?: string | null;
};

export type Sender = { send: Send; close: () => Promise<void> };

/**
 * A sender with its own connection pool and trust store. The CA bundle is read here, once, from
 * the environment of this moment (SSL_CERT_FILE / SSL_CERT_DIR, else the system's).
 */
export function createSender(options: SenderOptions): Sender {
  const { timeoutMs, allowPrivateNetworks } = options;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new RangeError(`timeoutMs must be a positive integer, got ${timeoutMs}`);

  // Names whose DNS answer is still awaited: a timeout then is the resolver's, not the receiver's.
  const resolving = new Map<string, number>();
  const lookup = createGuardedLookup({
    allowPrivateNetworks,
    resolve: options.resolve,
    onResolving: (hostname, delta) => {
      const count = (resolving.get(hostname) ?? 0) + delta;
      if (count > 0) resolving.set(hostname, count);
      else resolving.delete(hostname);
    },
  });

  // The leaf certificate of each origin's latest TLS connection, for the certificate expiry watch:
  // pooled connections carry many requests, and the certificate is read once per connection.
  const certificates = new Map<string, { expiresAt: Date; issuer: string } | null>();
  const agent = new Agent({
    connections: options.maxConnectionsPerOrigin ?? null,
    connect: createConnector({
      secureContext: createTrustContext(loadTrustedCertificates()),
      lookup,
      timeoutMs,
      onSecureConnect: (hostname, port, socket) =>
        certificates.set(`${hostname}:${port || "443"}`, leafCertificate(socket)),
    }),
    // The attempt's own deadline governs; these only back it up.
    headersTimeout: timeoutMs + 1_000,
    bodyTimeout: timeoutMs + 1_000,
  });

  const send: Send = async (outgoing, hooks) => {
    const startedAt = new Date();
    const started = performance.now();
    hooks?.onStart?.(started);
    const elapsed = () => Math.round(performance.now() - started);

    const checked = validateWebhookUrl(outgoing.url);
    if (!checked.ok) return failed(startedAt, elapsed(), { reason: "destination_blocked", message: checked.message });
    const url = new URL(checked.url);
    const context = { hostname: url.hostname, port: portOf(url), timeoutMs };
    if (!allowPrivateNetworks && !isSandboxUrl(url, options.sandboxOrigin)) {
      const refusal = checkLiteralHost(url.hostname);
      if (refusal) return failed(startedAt, elapsed(), { reason: "destination_blocked", message: refusal });
    }

    const controller = new AbortController();
    let responded = false;
    let timer: NodeJS.Timeout | undefined;
    // Until the response headers arrive the deadline answers on its own: undici only notices an
    // abort once the request is on a connection. After them, the abort ends the body read, and the
    // exchange answers with the status and whatever of the body had arrived.
    const deadline = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        if (responded) return;
        const stillResolving = (resolving.get(url.hostname) ?? 0) > 0;
        resolve(
          failed(
            startedAt,
            elapsed(),
            stillResolving ? dnsTimeoutFailure(url.hostname, timeoutMs) : timeoutFailure(timeoutMs),
          ),
        );
      }, timeoutMs);
    });

    const exchange = async (): Promise<SendResult> => {
      try {
        const response = await request(url, {
          dispatcher: agent,
          method: "POST",
          headers: outgoing.headers,
          body: outgoing.body,
          signal: controller.signal,
        });
        responded = true;
        const firstByteMs = elapsed();
        const headers = captureHeaders(response.headers);
        // Success is decided by the status; the body is only evidence. So a 2xx whose body is
        // still trickling in at the deadline stays a success, with what arrived, and its
        // connection is closed like any other at the deadline.
        const body = await readCapped(
          response.body,
          MAX_STORED_BODY_BYTES,
          declaredLength(response.headers["content-length"]),
        );
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        return {
          startedAt,
          durationMs: elapsed(),
          ok,
          status: response.statusCode,
          headers,
          body: body.bytes,
          bodyTruncated: body.truncated,
          failure: ok ? null : httpStatusFailure(response.statusCode),
          firstByteMs,
          certificate:
            url.protocol === "https:" ? (certificates.get(`${url.hostname}:${url.port || "443"}`) ?? null) : undefined,
        };
      } catch (error) {
        if (isProgrammerError(error)) throw error;
        return failed(startedAt, elapsed(), classifyError(error, context));
      }
    };

    const attempt = exchange();
    // A programmer error surfacing after the deadline answered must not go unhandled.
    attempt.catch(() => {});
    try {
      return await Promise.race([attempt, deadline]);
    } finally {
      clearTimeout(timer);
    }
  };

  return { send, close: () => agent.close() };
}

function failed(startedAt: Date, durationMs: number, failure: Failure): SendResult {
  return { startedAt, durationMs, ok: false, status: null, headers: null, body: null, bodyTruncated: false, failure };
}

function declaredLength(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
}

function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}
