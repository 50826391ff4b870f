import { randomView } from "../crypto/random-pool";

// W3C Trace Context: every attempt starts a new trace, so a receiver that traces its requests
// files ours under an id the console shows beside the attempt.

export type Traceparent = { header: string; traceId: string };

/** `00-<32 hex trace id>-<16 hex parent id>-01` (version 00, sampled). */
export function newTraceparent(): Traceparent {
  const bytes = randomView(24);
  // All-zero ids are invalid; 16 random bytes being all zero is not worth a branch, but cheap to rule out.
  if (bytes.subarray(0, 16).every((b) => b === 0)) bytes[15] = 1;
  if (bytes.subarray(16).every((b) => b === 0)) bytes[23] = 1;
  const traceId = bytes.subarray(0, 16).toString("hex");
  return { header: `00-${traceId}-${bytes.subarray(16).toString("hex")}-01`, traceId };
}

/** The trace id of a traceparent header, or null when it is not one. */
export function traceIdOf(header: string | undefined): string | null {
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(header?.trim() ?? "");
  return match ? match[1] : null;
}
