import type { FailureReason } from "../failures/reasons";

/** One HTTP POST to a receiver, exactly as it goes on the wire. */
export type OutgoingRequest = {
  url: string;
  headers: Record<string, string>;
  /** The event's raw bytes: what was signed is what is sent. */
  body: Buffer;
};

export type SendResult = {
  startedAt: Date;
  durationMs: number;
  /** True only for a 2xx status received within the timeout. */
  ok: boolean;
  /** Null when no response status arrived (timeout before headers, TLS, DNS, refused, …). */
  status: number | null;
  /** Lower-case names; repeated headers joined with ", ". Null when no response arrived. */
  headers: Record<string, string> | null;
  /** At most the first 1024 bytes of the response body, exactly as received. */
  body: Buffer | null;
  /** True when the receiver sent more than was kept. */
  bodyTruncated: boolean;
  /** Null on success. */
  failure: { reason: FailureReason; message: string } | null;
  /** Time to the response headers, when they arrived. */
  firstByteMs?: number;
  /** HTTPS only: the leaf certificate of the connection the request went on, when known. */
  certificate?: { expiresAt: Date; issuer: string } | null;
};

/** What the caller of a send hears before the exchange ends. */
export type SendHooks = {
  /** Called once, at the moment stamped as the attempt's start, with `performance.now()` then. */
  onStart?: (startedAt: number) => void;
};

export type Send = (request: OutgoingRequest, hooks?: SendHooks) => Promise<SendResult>;
