import os from "node:os";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import type { Send } from "../transport/types";
import { createSecretCache } from "../attempts/secret-cache";
import { DEFAULT_AUTO_DISABLE_MS } from "../endpoint-health/defaults";
import { newId } from "../ids";
import type { Logger } from "../log";
import { attemptOnce } from "./attempt-once";
import { claimRecoveryItems, finishRecoveryItem, type ClaimedItem } from "./claim-items";
import { completeFinished, renewItemLeases, sweepInterrupted } from "./settle";
import { pumpUntilIdle } from "../dispatch/pump-until-idle";
import { coalescedPump } from "../dispatch/coalesced-pump";

export type RecoveryRunnerOptions = {
  db: Db;
  cipher: Cipher;
  send: Send;
  log: Logger;
  /** Recovery attempts in flight in this process: its own slots, apart from live deliveries'. */
  concurrency: number;
  /** Recovery attempts in flight per webhook in this process. */
  endpointConcurrency: number;
  leaseMs: number;
  now?: () => Date;
  workerId?: string;
  autoDisableAfterMs?: number;
  /** Called once for each recovery this process saw finish. */
  onCompleted?: (recovery: { id: string; orgId: string; webhookId: string | null }) => void | Promise<void>;
};

export type RecoveryRunner = {
  pump: () => Promise<number>;
  runUntilIdle: () => Promise<number>;
  stop: () => Promise<void>;
};

/**
 * Works through the items of running recoveries, in the worker next to the dispatcher. It has
 * slots of its own (so a recovery of thousands never takes the slots live deliveries need), at
 * most `endpointConcurrency` per endpoint, and the webhook's rate limit, which it shares with
 * live deliveries across every worker.
 */
export function createRecoveryRunner(options: RecoveryRunnerOptions): RecoveryRunner {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${newId("rcw").slice(-6)}`;
  const running = new Set<Promise<void>>();
  const perWebhook = new Map<string, number>();
  const secrets = createSecretCache(options.cipher);
  let stopped = false;
  let settledAt = 0;
  let renewedAt = Date.now();

  async function settle() {
    await sweepInterrupted(options.db, now());
    for (const recovery of await completeFinished(options.db, now())) {
      await Promise.resolve(options.onCompleted?.(recovery)).catch((error) =>
        options.log.error({ err: error, recovery: recovery.id }, "recovery completion hook failed"),
      );
    }
  }

  async function claimOnce(): Promise<number> {
    const free = options.concurrency - running.size;
    if (free <= 0 || stopped) return 0;
    const items = await claimRecoveryItems(options.db, {
      workerId,
      now: now(),
      limit: free,
      leaseMs: options.leaseMs,
      perWebhook: options.endpointConcurrency,
      inFlight: perWebhook,
    });
    for (const item of items) start(item);
    return items.length;
  }

  function start(item: ClaimedItem) {
    perWebhook.set(item.webhookId, (perWebhook.get(item.webhookId) ?? 0) + 1);
    const task = attempt(item)
      .catch((error) => options.log.error({ err: error, delivery: item.deliveryId }, "recovery attempt failed"))
      .finally(() => {
        running.delete(task);
        const left = (perWebhook.get(item.webhookId) ?? 1) - 1;
        if (left > 0) perWebhook.set(item.webhookId, left);
        else perWebhook.delete(item.webhookId);
        if (!stopped) pumps.kick();
      });
    running.add(task);
  }

  async function attempt(item: ClaimedItem) {
    const { attempt } = await attemptOnce(
      {
        db: options.db,
        cipher: options.cipher,
        send: options.send,
        now,
        endpoint: { db: options.db, autoDisableAfterMs: options.autoDisableAfterMs ?? DEFAULT_AUTO_DISABLE_MS },
      },
      { secrets: secrets.decrypt(item.secretsEncrypted), ...item },
    );
    await finishRecoveryItem(options.db, item, { ok: attempt.result.ok, requestId: attempt.requestId, workerId });
  }

  /** One pump's round: claims until no item is left or the slots are full, then the upkeep. */
  async function claimRound(): Promise<number> {
    let started = 0;
    for (;;) {
      const n = await claimOnce();
      started += n;
      if (n === 0) break;
    }
    // A third of the lease: an attempt slower than the lease (a long rate-limit wait) keeps its
    // item, and an item whose lease expired belongs to a worker that is gone.
    if (running.size > 0 && Date.now() - renewedAt >= options.leaseMs / 3) {
      renewedAt = Date.now();
      await renewItemLeases(options.db, { workerId, now: now(), leaseMs: options.leaseMs });
    }
    // Often enough that a dead worker's items are settled and finished recoveries marked within
    // about a second, rarely enough that a busy runner does not query for it after every attempt.
    if (running.size === 0 || Date.now() - settledAt >= 1_000) {
      settledAt = Date.now();
      await settle();
    }
    return started;
  }

  const pumps = coalescedPump(claimRound, () => stopped);

  return {
    pump: pumps.pump,
    runUntilIdle: () => pumpUntilIdle(pumps.pump, running),
    async stop() {
      stopped = true;
      // A failed last claim (the database went away) was the worker loop's to report.
      await pumps.running?.catch(() => {});
      await Promise.allSettled([...running]);
    },
  };
}
