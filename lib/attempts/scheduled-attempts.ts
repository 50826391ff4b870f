import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import type { Logger } from "../log";
import type { Send } from "../transport/types";
import { attemptPolicy, type PolicyColumns } from "./attempt-policy";
import { createAttemptWriter } from "./attempt-writer";
import { runAttempt, type AttemptDeps, type AttemptOutcome, type AttemptTarget } from "./run-attempt";
import { createSecretCache } from "./secret-cache";

export type ScheduledAttemptOptions = {
  db: Db;
  cipher: Cipher;
  send: Send;
  now: () => Date;
  retryScheduleMs: number[];
  workerId: string;
  /** Attempts written per statement. */
  maxBatch: number;
  /** NOVAVMS_AUTO_DISABLE_AFTER in ms (0 = only 410 Gone disables). */
  autoDisableAfterMs: number;
  log?: Logger;
};

/**
 * The dispatcher's way into `runAttempt`: secrets decrypted once per ciphertext (the claim reads
 * them encrypted with each delivery, custom headers likewise) and attempts written behind in batches. Returns the function
 * that runs one scheduled attempt (a secret that cannot be decrypted rejects it, like a failed
 * write); `sent` runs when its exchange ends, before the write.
 */
export function createScheduledAttempts(options: ScheduledAttemptOptions) {
  const writer = createAttemptWriter(options.db, { maxBatch: options.maxBatch, maxConcurrent: 2 });
  const secrets = createSecretCache(options.cipher);
  const deps: AttemptDeps = {
    send: options.send,
    record: writer.record,
    now: options.now,
    retryScheduleMs: options.retryScheduleMs,
    workerId: options.workerId,
    endpoint: { db: options.db, autoDisableAfterMs: options.autoDisableAfterMs },
    log: options.log,
  };
  return async (
    target: AttemptTarget & PolicyColumns & { secretsEncrypted: string[] },
    sent: () => void,
  ): Promise<AttemptOutcome> =>
    runAttempt(
      deps,
      "scheduled",
      // The claimed row itself, not a copy: its claim span is looked up by identity (lib/metrics/observe.ts).
      Object.assign(target, { policy: attemptPolicy(target, options.cipher) }),
      secrets.decrypt(target.secretsEncrypted),
      sent,
    );
}
