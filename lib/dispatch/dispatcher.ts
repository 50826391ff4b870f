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
import { pumpUntilIdle } from "./pump-until-idle";
import { coalescedPump } from "./coalesced-pump";

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
  /**
   * Called after every claim that reached the database, whether it found deliveries or not: the
   * worker's heartbeat. A pump under a steady backlog goes on claiming for as long as the backlog
   * lasts, so its promise settling says nothing about whether the worker is alive meanwhile.
   */
  onClaim?: () => void;
};

export type Dispatcher = {
  /** Claims and starts due deliveries while there are free slots; resolves with how many started. */
  pump: () => Promise<number>;
  /**
   * Something new may be due (an event ingested, the tick): pumps, and when a pump is already
   * claiming, also runs a small claim beside it (see EXPRESS_LIMIT).
   */
  wake: () => Promise<number>;
  /** Pumps and waits until nothing is due or in flight (tests and one-shot runs). */
  runUntilIdle: () => Promise<number>;
  /** Stops claiming and waits for the attempts in flight (each ends by its timeout). */
  stop: () => Promise<void>;
  readonly inFlight: number;
};

/**
 * The most a wake's own claim takes. A pump claiming through a backlog runs one claim after
 * another, each started before the event that woke the worker was committed; a fresh delivery
 * would wait for the one in progress and then the next. The wake's small claim runs beside them
 * instead, on slots the pump's claims leave it (they take all but this many of the free ones), and
 * the claim's turns across orgs put a quiet org's head first.
 */
const EXPRESS_LIMIT = 4;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${newId("wrk").slice(-6)}`;
  const running = new Set<Promise<void>>();
  const perWebhook = new Map<string, number>();
  const perOrg = new Map<string, number>();
  const orgConcurrency = options.orgConcurrency ?? defaultOrgConcurrency(options.concurrency);
  let stopped = false;
  let mayHaveMore = false;
  /** Slots promised to claims in progress (the pump's and a wake's may overlap). */
  let reserved = 0;
  let express: Promise<number> | null = null;
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

  async function claimOnce(kind: "pump" | "express" = "pump"): Promise<number> {
    const free = options.concurrency - running.size - reserved;
    if (free <= 0 || stopped) return 0;
    const limit =
      kind === "express"
        ? Math.min(free, EXPRESS_LIMIT)
        : Math.min(free > EXPRESS_LIMIT ? free - EXPRESS_LIMIT : free, options.batchSize);
    // Judged on the counts the claim sees: an endpoint slot frees as soon as its request ends,
    // so by the time the claim returns the webhook it skipped may no longer look saturated, and
    // nothing would claim its deliveries before the next tick.
    const skippedSaturated =
      [...perWebhook.values()].some((n) => n >= options.endpointConcurrency) ||
      [...perOrg.values()].some((n) => n >= orgConcurrency);
    reserved += limit;
    let claimed: ClaimedDelivery[];
    try {
      claimed = await observeClaim(() =>
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
    } finally {
      reserved -= limit;
    }
    options.onClaim?.();
    // More may be due when this claim was capped by `limit`, or when it skipped a saturated
    // webhook (or org) whose deliveries become claimable as its attempts finish. (A wake's claim
    // leaves that to the pump beside it.)
    if (kind === "pump") mayHaveMore = claimed.length > 0 || skippedSaturated;
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
        if (mayHaveMore && !stopped) pumps.kick();
      });
    running.add(task);
  }

  /** One pump's round: claims until nothing more is due or the slots are full. */
  async function claimRound(): Promise<number> {
    let started = 0;
    for (;;) {
      const n = await claimOnce();
      started += n;
      if (n === 0 || !mayHaveMore) return started;
    }
  }
  const pumps = coalescedPump(claimRound, () => stopped);
  const pump = pumps.pump;

  function wake(): Promise<number> {
    const claiming = pumps.running !== null;
    const pumped = pump();
    if (claiming && !express && !stopped) {
      // Its failure (the database went away) is the pump's to report.
      express = claimOnce("express")
        .catch(() => 0)
        .finally(() => (express = null));
    }
    return pumped;
  }

  return {
    pump,
    wake,
    runUntilIdle: () => pumpUntilIdle(pump, running),
    async stop() {
      stopped = true;
      await pumps.running?.catch(() => {});
      await express;
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
