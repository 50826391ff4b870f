import { validSecretSql } from "../signing/valid-secrets";

/**
 * What an attempt needs of its webhook, read in the same statement that claims the work (a due
 * delivery, or a recovery's item) so that sending it takes no further query: the URL, the valid
 * signing secrets (still encrypted, newest first) and the webhook's policy.
 */
export type ClaimedWebhook = {
  url: string;
  secretsEncrypted: string[];
  retrySchedule: string | null;
  rateLimitPerSecond: number | null;
  customHeadersEncrypted: string | null;
  /** Whether its latest attempts failed (lib/endpoint-health/auto-disable.ts). */
  failing: boolean;
  /** "endpoint", or "alerts" for an alert destination (no alerts about alerts). */
  purpose: string;
};

export type ClaimedWebhookRow = {
  url: string;
  /** Space-separated (ciphertexts have no spaces): cheaper to read than a text[]. */
  secrets: string | null;
  retry_schedule: string | null;
  rate_limit_per_second: number | null;
  custom_headers_encrypted: string | null;
  failing: boolean;
  purpose: string;
};

/**
 * The RETURNING columns of a claim for `ClaimedWebhookRow`: `w` is the webhook, `d` the delivery,
 * `now` the SQL parameter holding the moment of the claim (which secrets still sign).
 */
export function claimedWebhookSql(now: string): string {
  return `w.url, w.retry_schedule, w.rate_limit_per_second, w.custom_headers_encrypted,
       w.failing_since IS NOT NULL AS failing, w.purpose,
       (SELECT string_agg(s.secret_encrypted, ' ' ORDER BY s.created_at DESC, s.id DESC) FROM signing_secrets s
         WHERE s.webhook_id = d.webhook_id AND ${validSecretSql("s", now)}) AS secrets`;
}

/**
 * The webhook's part of a claimed row. Spread it last into the caller's object literal (`{ id, …,
 * ...claimedWebhook(row) }`): V8 gives every object built as `{ ...spread, a, b }` a hidden class
 * of its own, about 12 µs and 4 KB of garbage each on Node 20 with the claim's 8 fields after it,
 * where a literal that ends with the spread shares one (lib/dispatch/claimed-shape.test.ts).
 */
export function claimedWebhook(row: ClaimedWebhookRow): ClaimedWebhook {
  return {
    url: row.url,
    secretsEncrypted: row.secrets ? row.secrets.split(" ") : [],
    retrySchedule: row.retry_schedule,
    rateLimitPerSecond: row.rate_limit_per_second,
    customHeadersEncrypted: row.custom_headers_encrypted,
    failing: row.failing,
    purpose: row.purpose,
  };
}
