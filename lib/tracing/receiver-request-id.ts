// The receiver's own id for a request, from the headers it answered with, so a customer's
// engineer can find our attempt in their logs and theirs in ours with one search.

/** Checked in this order; the first one present wins. Names are lower case, as captured. */
export const RECEIVER_REQUEST_ID_HEADERS = [
  "x-request-id",
  "x-correlation-id",
  "request-id",
  "x-amzn-requestid",
  "x-amzn-trace-id",
  "x-cloud-trace-context",
  "cf-ray",
  "fly-request-id",
  "x-vercel-id",
  "x-trace-id",
  "x-b3-traceid",
  "traceparent",
] as const;

/** Longer values are cut: an id, not a document. */
export const MAX_RECEIVER_REQUEST_ID_LENGTH = 200;

export function findReceiverRequestId(headers: Record<string, string> | null): string | null {
  if (!headers) return null;
  for (const name of RECEIVER_REQUEST_ID_HEADERS) {
    const value = headers[name]?.trim();
    if (value) return value.slice(0, MAX_RECEIVER_REQUEST_ID_LENGTH);
  }
  return null;
}
