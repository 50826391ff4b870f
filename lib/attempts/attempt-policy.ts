import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { noteEndpointOutcome } from "../endpoint-health/auto-disable";
import { policyOf } from "../webhook-policy/policy-of";
import { waitForRateSlot, type RateTurn } from "../webhook-policy/rate-limit";
import type { AttemptRecord } from "./record-attempt";

// What an attempt takes from its webhook beyond the URL and secrets: the delivery policy
// (lib/webhook-policy) and the endpoint's health (lib/endpoint-health). Every trigger gets them
// through runAttempt: scheduled attempts, Replay and bulk recovery alike.

export type AttemptPolicy = {
  /** The webhook's own retry schedule in ms; the configured default when absent. */
  retryScheduleMs?: number[];
  /** Custom headers, decrypted: sent with the request, masked in the log. */
  customHeaders?: Record<string, string>;
  /** Attempts per second to this webhook across every worker (null: no limit). */
  rateLimitPerSecond: number | null;
  /** Whether its latest attempts failed: a success then ends the failing run. */
  failing: boolean;
  /** "endpoint", or "alerts" for an alert destination (no alerts about alerts). */
  purpose: string;
};

/** The webhook's columns an attempt's policy is built from (read with a claim or a load). */
export type PolicyColumns = {
  retrySchedule: string | null;
  rateLimitPerSecond: number | null;
  customHeadersEncrypted: string | null;
  failing: boolean;
  purpose: string;
};

/** The database the rate limit and the endpoint's health live in, and the auto-disable window. */
export type EndpointDeps = { db: Db; autoDisableAfterMs: number };

/** The policy from the webhook's columns (custom headers decrypted once per ciphertext). */
export function attemptPolicy(columns: PolicyColumns, cipher: Cipher): AttemptPolicy {
  const { scheduleMs, headers } = policyOf(columns, [], cipher);
  return {
    retryScheduleMs: scheduleMs.length > 0 ? scheduleMs : undefined,
    customHeaders: headers,
    rateLimitPerSecond: columns.rateLimitPerSecond,
    failing: columns.failing,
    purpose: columns.purpose,
  };
}

/** The webhook's policy read from the database (Replay: one delivery, no claim to read it with). */
export async function loadAttemptPolicy(db: Db, cipher: Cipher, webhookId: string): Promise<AttemptPolicy | undefined> {
  const webhook = await db.prisma.webhook.findUnique({
    where: { id: webhookId },
    select: {
      retrySchedule: true,
      rateLimitPerSecond: true,
      customHeadersEncrypted: true,
      failingSince: true,
      purpose: true,
    },
  });
  if (!webhook) return undefined;
  return attemptPolicy({ ...webhook, failing: webhook.failingSince !== null }, cipher);
}

/** Waits for the webhook's next rate-limit slot, shared by every worker; nothing to wait for without a limit. */
export async function waitForTurn(
  endpoint: EndpointDeps | undefined,
  webhookId: string,
  policy?: AttemptPolicy,
): Promise<RateTurn | undefined> {
  if (endpoint && policy?.rateLimitPerSecond) return waitForRateSlot(endpoint.db, webhookId, policy.rateLimitPerSecond);
  return undefined;
}

/**
 * The attempt's outcome on its webhook's health: a success ends a failing run, a failure extends
 * it and may disable the webhook (410, or failing for the whole window); a delivery given up is
 * counted for the delivery.exhausted alert.
 */
export async function noteOutcome(
  endpoint: EndpointDeps | undefined,
  attempt: AttemptRecord,
  policy: AttemptPolicy | undefined,
  at: Date,
) {
  if (!endpoint) return;
  const exhausted = attempt.next?.status === "failed" && (policy?.purpose ?? "endpoint") === "endpoint";
  await noteEndpointOutcome(endpoint.db, {
    webhookId: attempt.webhookId,
    ok: attempt.result.ok,
    status: attempt.result.status,
    at,
    wasFailing: policy?.failing ?? false,
    windowMs: endpoint.autoDisableAfterMs,
    exhaustedInOrg: exhausted ? attempt.orgId : undefined,
  });
}
