import os from "node:os";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import type { Send } from "../transport/types";
import { newId } from "../ids";
import { observeClaim } from "../metrics/observe";
import type { Logger } from "../log";
import { createScheduledAttempts } from "../attempts/scheduled-attempts";
import { DEFAULT_AUTO_DISABLE_MS } from "../endpoint-health/defaults";
import { claimDueDeliveries, type ClaimedDelivery } from "./claim-due";

export type DispatcherOptions = {
  db: Db;
  cipher: Cipher;
  send: Send;
  log: Logger;
  retryScheduleMs: number[];
  /** Attempts in flight in this process. */
  concurrency: number;
  /** Attempts in flight per webhook in this process: one slow endpoint cannot take every slot. */
  endpointConcurrency: number;
  /**
   * Attempts in flight per org in this process; default, all but a quarter of `concurrency`: one
   * org's slow endpoints cannot take every slot, and another org's fresh event finds one free.
   */
  orgConcurrency?: number;
  batchSize: number;
  leaseMs: number;
  now?: () => Date;
  workerId?: string;
  /** NOVAVMS_AUTO_DISABLE_AFTER in ms (0 = only 410 Gone disables); default 5 days. */
  autoDisableAfterMs?: number;
};

export type Dispatcher = {
  /** Claims and starts due deliveries while there are free slots; resolves with how many started. */
  pump: () => Promise<number>;
  /** Pumps and waits until nothing is due or in flight (tests and one-shot runs). */
  runUntilIdle: () => Promise<number>;
  /** Stops claiming and waits for the attempts in flight (each ends by its timeout). */
  stop: () => Promise<void>;
  readonly inFlight: number;
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${newId("wrk").slice(-6)}`;
  const running = new Set<Promise<void>>();
  const perWebhook = new Map<string, number>();
  const perOrg = new Map<string, number>();
  const orgConcurrency = options.orgConcurrency ?? defaultOrgConcurrency(options.concurrency);
  let stopped = false;
  let pumping: Promise<number> | null = null;
  let pumpAgain = false;
  let mayHaveMore = false;
  const attempt = createScheduledAttempts({
    db: options.db,
    cipher: options.cipher,
    send: options.send,
    now,
    retryScheduleMs: options.retryScheduleMs,
    workerId,
    maxBatch: Math.max(options.batchSize, 1),
    autoDisableAfterMs: options.autoDisableAfterMs ?? DEFAULT_AUTO_DISABLE_MS,
    log: options.log,
  });

  function count(map: Map<string, number>, key: string, by: 1 | -1) {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  }

  async function claimOnce(): Promise<number> {
    const free = options.concurrency - running.size;
    if (free <= 0 || stopped) return 0;
    const limit = Math.min(free, options.batchSize);
    // Judged on the counts the claim sees: an endpoint slot frees as soon as its request ends,
    // so by the time the claim returns the webhook it skipped may no longer look saturated, and
    // nothing would claim its deliveries before the next tick.
    const skippedSaturated =
      [...perWebhook.values()].some((n) => n >= options.endpointConcurrency) ||
      [...perOrg.values()].some((n) => n >= orgConcurrency);
    const claimed = await observeClaim(() =>
      claimDueDeliveries(options.db, {
        workerId,
        now: now(),
        limit,
        leaseMs: options.leaseMs,
        perWebhook: options.endpointConcurrency,
        inFlight: perWebhook,
        perOrg: orgConcurrency,
        orgInFlight: perOrg,
      }),
    );
    // More may be due when this claim was capped by `limit`, or when it skipped a saturated
    // webhook (or org) whose deliveries become claimable as its attempts finish.
    mayHaveMore = claimed.length > 0 || skippedSaturated;
    if (claimed.length === 0) return 0;
    for (const delivery of claimed) start(delivery);
    return claimed.length;
  }

  function start(delivery: ClaimedDelivery) {
    count(perWebhook, delivery.webhookId, 1);
    count(perOrg, delivery.orgId, 1);
    let released = false;
    // The endpoint's slot is its request on the wire; the worker's slot (and the org's share of
    // them) lasts until the attempt is written, which bounds how many results wait for the database.
    const releaseEndpoint = () => {
      if (released) return;
      released = true;
      count(perWebhook, delivery.webhookId, -1);
    };
    const task: Promise<void> = attempt(delivery, releaseEndpoint)
      .then(
        () => {},
        (error) =>
          options.log.error(
            { err: error, delivery_id: delivery.id, webhook_id: delivery.webhookId },
            "delivery attempt could not be recorded",
          ),
      )
      .finally(() => {
        running.delete(task);
        count(perOrg, delivery.orgId, -1);
        releaseEndpoint();
        // A failed claim here (the database went away) is the worker loop's to report and back off.
        if (mayHaveMore && !stopped) pump().catch(() => {});
      });
    running.add(task);
  }

  async function pumpLoop(): Promise<number> {
    let started = 0;
    do {
      pumpAgain = false;
      for (;;) {
        const n = await claimOnce();
        started += n;
        if (n === 0 || !mayHaveMore) break;
      }
    } while (pumpAgain && !stopped);
    return started;
  }

  function pump(): Promise<number> {
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    pumping = pumpLoop().finally(() => (pumping = null));
    return pumping;
  }

  return {
    pump,
    async runUntilIdle() {
      let total = 0;
      for (;;) {
        total += await pump();
        if (running.size === 0) {
          const more = await pump();
          total += more;
          if (more === 0 && running.size === 0) return total;
        }
        await Promise.race(running);
      }
    },
    async stop() {
      stopped = true;
      await pumping?.catch(() => {});
      await Promise.allSettled([...running]);
    },
    get inFlight() {
      return running.size;
    },
  };
}

/** All but a quarter of the worker's slots (all of them for a worker of fewer than 4). */
export function defaultOrgConcurrency(concurrency: number): number {
  return concurrency - Math.floor(concurrency / 4);
}
