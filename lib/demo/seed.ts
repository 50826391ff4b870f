import type { AppContext } from "../context";
import { ingestEvent } from "../events/ingest";
import { systemCaller } from "../auth/caller";
import { deliveryFigures, type DeliveryFigures } from "../failures/figures";
import { createWebhook } from "../webhooks/create-webhook";
import { DEMO_RETRY_SCHEDULE } from "./defaults";

const demoWebhooks = (figures: DeliveryFigures) => [
  { path: "ok", description: "Demo: healthy receiver (answers 200)" },
  { path: "flaky", description: "Demo: flaky receiver (503 about half the time, then recovers)" },
  { path: "fail", description: "Demo: broken receiver (always 500)" },
  { path: "slow", description: `Demo: slow receiver (answers after the timeout of ${figures.timeout})` },
  { path: "big", description: `Demo: large response (80 KB body, ${figures.storedBody} kept)` },
];

const DEMO_EVENTS: Array<[string, Record<string, unknown>]> = [
  ["camera.offline", { camera_id: "cam_lobby_01", site: "HQ", last_seen_at: "2026-01-01T08:00:00Z" }],
  ["recording.ready", { recording_id: "rec_7731", camera_id: "cam_dock_02", duration_s: 312 }],
  ["motion.detected", { camera_id: "cam_gate_03", zone: "north fence", confidence: 0.93 }],
  ["camera.online", { camera_id: "cam_lobby_01", site: "HQ" }],
];

/**
 * First run only: webhooks pointing at this server's sandbox receiver, and a few events, so the
 * console shows succeeded, retrying and failed deliveries within a minute of `npm start`.
 */
export async function seedDemo(context: AppContext, orgId: string, baseUrl: string): Promise<void> {
  const caller = systemCaller(orgId);
  for (const webhook of demoWebhooks(deliveryFigures(context.config))) {
    await createWebhook(context, caller, {
      url: `${baseUrl}/api/sandbox/${webhook.path}`,
      description: webhook.description,
      event_types: [],
      enabled: true,
      // Their own short schedule: a Failed delivery shows within a minute; every other webhook
      // keeps the configured default.
      retry_schedule: DEMO_RETRY_SCHEDULE,
    });
  }
  for (const [type, data] of DEMO_EVENTS) await ingestEvent(context, caller, { type, data });
}
