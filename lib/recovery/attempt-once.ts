import type { Db } from "../db/client";
import { attemptPolicy, type EndpointDeps, type PolicyColumns } from "../attempts/attempt-policy";
import { recordAttempt } from "../attempts/record-attempt";
import { runAttempt, type AttemptOutcome } from "../attempts/run-attempt";
import type { Cipher } from "../crypto/encryption";
import type { Send } from "../transport/types";

export type RecoveryTarget = PolicyColumns & {
  deliveryId: string;
  orgId: string;
  webhookId: string;
  url: string;
  body: Buffer;
  eventType: string;
  /** The webhook's valid signing secrets, newest first. */
  secrets: string[];
};

/**
 * A recovery's one attempt of a delivery: `runAttempt` with trigger `recovery` (fresh request_id,
 * current secrets, the same bytes, the webhook's policy). Success settles the delivery as
 * Succeeded; a failure leaves it Failed and changes nothing but the log (see lib/attempts/triggers.ts).
 */
export async function attemptOnce(
  deps: { db: Db; cipher: Cipher; send: Send; now: () => Date; endpoint: EndpointDeps },
  target: RecoveryTarget,
): Promise<AttemptOutcome> {
  return runAttempt(
    { send: deps.send, record: (attempt) => recordAttempt(deps.db, attempt), now: deps.now, endpoint: deps.endpoint },
    "recovery",
    {
      id: target.deliveryId,
      orgId: target.orgId,
      webhookId: target.webhookId,
      eventType: target.eventType,
      url: target.url,
      body: target.body,
      scheduledAttempts: 0,
      policy: attemptPolicy(target, deps.cipher),
    },
    target.secrets,
  );
}
