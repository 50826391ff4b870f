import type { AppContext } from "../context";
import { ingestEvent } from "../events/ingest";
import { createWebhook } from "../webhooks/manage";
import { DEMO_RETRY_SCHEDULE } from "./defaults";

const DEMO_WEBHOOKS = [
  { path: "ok", description: "Demo: healthy receiver (answers 200)" },
  { path: "flaky", description: "Demo: flaky receiver (503 about half the time, then recovers)" },
  { path: "fail", description: "Demo: broken receiver (always 500)" },
  { path: "slow", description: "Demo: slow receiver (answers after the 10 s timeout)" },
  { path: "big", description: "Demo: large response (80 KB body, 1 KB kept)" },
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
  for (const webhook of DEMO_WEBHOOKS) {
    await createWebhook(
      context.db,
      context.cipher,
      orgId,
      {
        url: `${baseUrl}/api/sandbox/${webhook.path}`,
        description: webhook.description,
        event_types: [],
        enabled: true,
        retry_schedule: DEMO_RETRY_SCHEDULE,
      },
      "system",
    );
  }
  for (const [type, data] of DEMO_EVENTS) await ingestEvent(context.db, orgId, { type, data });
}
