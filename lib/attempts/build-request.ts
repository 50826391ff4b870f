import type { OutgoingRequest } from "../transport/types";
import { signPayload } from "../signing/sign";
import { newTraceparent } from "../tracing/traceparent";

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
}): OutgoingRequest {
  const signature = signPayload({
    secrets: input.secrets,
    body: input.body,
    messageId: input.deliveryId,
    timestamp: input.now,
  });
  return {
    url: input.url,
    body: input.body,
    headers: {
      ...input.customHeaders,
      "Content-Type": "application/json",
      "User-Agent": USER_AGENT,
      "X-NovaVMS-Signature": signature["X-NovaVMS-Signature"],
      "X-NovaVMS-Event": input.eventType,
      "X-NovaVMS-Delivery": input.deliveryId,
      "X-NovaVMS-Request-Id": input.requestId,
      "webhook-id": signature["webhook-id"],
      "webhook-timestamp": signature["webhook-timestamp"],
      "webhook-signature": signature["webhook-signature"],
      traceparent: newTraceparent().header,
    },
  };
}
