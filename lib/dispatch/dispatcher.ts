import os from "node:os";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import type { Send } from "../delivery/types";
import { newId } from "../ids";
import type { Logger } from "../log";
import { createAttemptWriter } from "./attempt-writer";
import { sendAttempt } from "./build-request";
import { claimDueDeliveries, type ClaimedDelivery } from "./claim-due";
import { createSecretCache } from "./secret-cache";
import { stateAfterScheduledAttempt } from "./schedule";
import { DEFAULT_AUTO_DISABLE_MS } from "../endpoint-health/defaults";
import { noteEndpointOutcome } from "../endpoint-health/auto-disable";
import { applyRetryAfter } from "../endpoint-health/retry-after";
import { policyOf } from "../webhook-policy/policy-of";
import { waitForRateSlot } from "../webhook-policy/rate-limit";
import { withMaskedCustomHeaders } from "../webhook-policy/custom-headers";

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
  let stopped = false;
  let pumping: Promise<number> | null = null;
  let pumpAgain = false;
  let mayHaveMore = false;
  const writer = createAttemptWriter(options.db, { maxBatch: Math.max(options.batchSize, 1), maxConcurrent: 2 });
  const secrets = createSecretCache(options.cipher);

  function busy(webhookId: string): number {
    return perWebhook.get(webhookId) ?? 0;
  }

  async function claimOnce(): Promise<number> {
    const free = options.concurrency - running.size;
    if (free <= 0 || stopped) return 0;
    const limit = Math.min(free, options.batchSize);
    // Judged on the counts the claim sees: an endpoint slot frees as soon as its request ends,
    // so by the time the claim returns the webhook it skipped may no longer look saturated, and
    // nothing would claim its deliveries before the next tick.
    const skippedSaturated = [...perWebhook.values()].some((n) => n >= options.endpointConcurrency);
    const claimed = await claimDueDeliveries(options.db, {
      workerId,
      now: now(),
      limit,
      leaseMs: options.leaseMs,
      perWebhook: options.endpointConcurrency,
      inFlight: perWebhook,
    });
    // More may be due when this claim was capped by `limit`, or when it skipped a saturated
    // webhook whose deliveries become claimable as its attempts finish.
    mayHaveMore = claimed.length > 0 || skippedSaturated;
    if (claimed.length === 0) return 0;
    for (const delivery of claimed) start(delivery, secrets.decrypt(delivery.secretsEncrypted));
    return claimed.length;
  }

  function start(delivery: ClaimedDelivery, secrets: string[]) {
    perWebhook.set(delivery.webhookId, busy(delivery.webhookId) + 1);
    let released = false;
    // The endpoint's slot is its request on the wire; the worker's slot lasts until the attempt
    // is written, which bounds how many results wait for the database.
    const releaseEndpoint = () => {
      if (released) return;
      released = true;
      const left = busy(delivery.webhookId) - 1;
      if (left > 0) perWebhook.set(delivery.webhookId, left);
      else perWebhook.delete(delivery.webhookId);
    };
    const task = attempt(delivery, secrets, releaseEndpoint)
      .catch((error) =>
        options.log.error({ err: error, delivery: delivery.id }, "delivery attempt could not be recorded"),
      )
      .finally(() => {
        running.delete(task);
        releaseEndpoint();
        if (mayHaveMore && !stopped) void pump();
      });
    running.add(task);
  }

  async function attempt(delivery: ClaimedDelivery, secrets: string[], sent: () => void) {
    const policy = policyOf(delivery, options.retryScheduleMs, options.cipher);
    if (delivery.rateLimitPerSecond) await waitForRateSlot(options.db, delivery.webhookId, delivery.rateLimitPerSecond);
    const { requestId, request, result } = await sendAttempt(options.send, {
      url: delivery.url,
      body: delivery.body,
      eventType: delivery.eventType,
      deliveryId: delivery.id,
      secrets,
      now: now(),
      customHeaders: policy.headers,
    });
    sent();
    const scheduled = stateAfterScheduledAttempt(delivery.scheduledAttempts + 1, result.ok, policy.scheduleMs, now());
    const next = applyRetryAfter(scheduled, result, policy.scheduleMs, now());
    await writer.record({
      deliveryId: delivery.id,
      orgId: delivery.orgId,
      webhookId: delivery.webhookId,
      requestId,
      trigger: "scheduled",
      request: withMaskedCustomHeaders(request, policy.headers),
      result,
      next,
      workerId,
    });
    await noteEndpointOutcome(options.db, {
      webhookId: delivery.webhookId,
      ok: result.ok,
      status: result.status,
      at: now(),
      wasFailing: delivery.failing,
      windowMs: options.autoDisableAfterMs ?? DEFAULT_AUTO_DISABLE_MS,
      exhaustedInOrg: next.status === "failed" && delivery.purpose === "endpoint" ? delivery.orgId : undefined,
    });
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
      await pumping;
      await Promise.allSettled([...running]);
    },
    get inFlight() {
      return running.size;
    },
  };
}
