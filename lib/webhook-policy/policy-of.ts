import type { Cipher } from "../crypto/encryption";
import { customHeaderRecord, decryptCustomHeaders } from "./custom-headers";
import { retryScheduleMs } from "./retry-schedule";

const decrypted = new Map<string, Record<string, string>>();

/**
 * A claimed webhook's policy, ready to use: its retry schedule in ms (or the default) and its
 * custom headers, decrypted once per distinct ciphertext as signing secrets are.
 */
export function policyOf(
  webhook: { retrySchedule: string | null; customHeadersEncrypted: string | null },
  defaultScheduleMs: number[],
  cipher: Cipher,
): { scheduleMs: number[]; headers: Record<string, string> | undefined } {
  const scheduleMs = retryScheduleMs(webhook.retrySchedule, defaultScheduleMs);
  const encrypted = webhook.customHeadersEncrypted;
  if (!encrypted) return { scheduleMs, headers: undefined };
  let headers = decrypted.get(encrypted);
  if (!headers) {
    headers = customHeaderRecord(decryptCustomHeaders(cipher, encrypted));
    if (decrypted.size > 10_000) decrypted.clear();
    decrypted.set(encrypted, headers);
  }
  return { scheduleMs, headers };
}
