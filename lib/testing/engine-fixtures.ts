import type { TestContext } from "./test-database";
import { createDispatcher, type Dispatcher } from "../dispatch/dispatcher";
import { createSender, type Sender } from "../transport/send";
import { systemCaller } from "../auth/caller";
import { ingestEvent } from "../events/ingest";
import { createWebhook } from "../webhooks/create-webhook";

// Test-only: webhooks, events and a dispatcher with a real sender and an adjustable clock.

export async function addWebhook(ctx: TestContext, orgId: string, url: string, eventTypes: string[] = []) {
  return createWebhook(ctx, systemCaller(orgId), { url, description: "", event_types: eventTypes, enabled: true });
}

export async function sendEvent(
  ctx: TestContext,
  orgId: string,
  type = "camera.offline",
  data: Record<string, unknown> = { camera_id: "cam_1" },
  now?: Date,
) {
  return ingestEvent({ db: ctx.db, now: now ? () => now : ctx.now }, systemCaller(orgId), { type, data });
}

/** `clock.now` is the dispatcher's time when set (a fake clock), the real time otherwise. */
export type TestDispatcher = {
  dispatcher: Dispatcher;
  sender: Sender;
  clock: { now?: Date };
  close: () => Promise<void>;
};

export function createTestDispatcher(
  ctx: TestContext,
  options: {
    timeoutMs?: number;
    retryScheduleMs?: number[];
    concurrency?: number;
    endpointConcurrency?: number;
    start?: Date;
    onClaim?: () => void;
  } = {},
): TestDispatcher {
  const clock: { now?: Date } = { now: options.start };
  const sender = createSender({ timeoutMs: options.timeoutMs ?? 5_000, allowPrivateNetworks: true });
  const dispatcher = createDispatcher({
    db: ctx.db,
    cipher: ctx.cipher,
    send: sender.send,
    log: ctx.log,
    retryScheduleMs: options.retryScheduleMs ?? ctx.config.retryScheduleMs,
    concurrency: options.concurrency ?? 16,
    endpointConcurrency: options.endpointConcurrency ?? 8,
    batchSize: 50,
    leaseMs: 60_000,
    now: () => clock.now ?? new Date(),
    onClaim: options.onClaim,
  });
  return {
    dispatcher,
    sender,
    clock,
    close: async () => {
      await dispatcher.stop();
      await sender.close();
    },
  };
}
