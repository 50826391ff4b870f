import type { Cipher } from "../crypto/encryption";
import type { CreateWebhookInput } from "../webhooks/schemas";
import { encryptCustomHeaders } from "./custom-headers";

// The webhook columns of its delivery policy and endpoint health, as create and update write them.

/** Whether the input changes the delivery policy (`webhook.policy.update`). */
export function changesPolicy(input: Partial<CreateWebhookInput>): boolean {
  return input.retry_schedule !== undefined || input.rate_limit_per_second !== undefined || input.headers !== undefined;
}

// Manual disable records why; enabling clears the reason and the failing run, so an endpoint that
// was auto-disabled gets a fresh window.
export function enabledChange(enabled: boolean | undefined, now: Date) {
  if (enabled === false) return { disabledReason: "manual", disabledAt: now };
  if (enabled === true) return { disabledReason: null, disabledAt: null, failingSince: null, failingAttempts: 0 };
  return {};
}

export function policyData(cipher: Cipher, input: Partial<CreateWebhookInput>) {
  return {
    retrySchedule: input.retry_schedule,
    rateLimitPerSecond: input.rate_limit_per_second,
    customHeadersEncrypted: input.headers === undefined ? undefined : encryptCustomHeaders(cipher, input.headers),
    customHeaderNames: input.headers?.map((header) => header.name),
  };
}

// Header values may be secrets: the audit log keeps their names only.
export function auditPolicy(input: Partial<CreateWebhookInput>) {
  return input.headers === undefined ? {} : { headers: input.headers.map((header) => header.name) };
}
