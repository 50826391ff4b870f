import type { OutgoingRequest } from "../transport/types";
import { signPayload } from "../signing/sign";

// The only place the User-Agent is set: it is part of the delivery contract and of the request
// recorded with each attempt.
export const USER_AGENT = `NovaVMS-Webhooks/${process.env.npm_package_version ?? "0.1.0"}`;

/** The exact request of one attempt: the event's bytes and the headers of the delivery contract. */
export function buildOutgoingRequest(input: {
  url: string;
  body: Buffer;
  eventType: string;
  deliveryId: string;
  requestId: string;
  secrets: string[];
  now: Date;
  /** The webhook's custom headers; the contract's own headers always win. */
  customHeaders?: Record<string, string>;
  /** The W3C traceparent to send (run-attempt.ts decides it: the attempt span's, or a new trace). */
  traceparent: string;
}): OutgoingRequest {
  const signature = signPayload({
    secrets: input.secrets,
    body: input.body,
    messageId: input.deliveryId,
    timestamp: input.now,
  });
  const own = {
    "Content-Type": "application/json",
    "User-Agent": USER_AGENT,
    "X-NovaVMS-Signature": signature["X-NovaVMS-Signature"],
    "X-NovaVMS-Event": input.eventType,
    "X-NovaVMS-Delivery": input.deliveryId,
    "X-NovaVMS-Request-Id": input.requestId,
    "webhook-id": signature["webhook-id"],
    "webhook-timestamp": signature["webhook-timestamp"],
    "webhook-signature": signature["webhook-signature"],
    traceparent: input.traceparent,
  };
  return {
    url: input.url,
    body: input.body,
    // The webhook's own headers first, so that the contract's win. Not `{ ...custom, "Content-Type": … }`:
    // V8 would give every request's headers a hidden class of its own (lib/testing/hidden-class.ts).
    headers: input.customHeaders ? Object.assign({}, input.customHeaders, own) : own,
  };
}
