import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { maxScheduledAttempts } from "../dispatch/schedule";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { buildDeliveryDetail } from "./detail-view";
import { toLogEntries } from "./log-entries";
import { parseLogParams, toDeliveryFilters } from "./log-params";
import { getDeliveryView } from "./api-views";
import { fetchDelivery, listDeliveries } from "./queries";
import { replayDelivery } from "../attempts/replay";
import { describeReplay } from "./replay-outcome";

// The console's log rows and delivery detail, built from real attempts against a real receiver.

const HOSTILE = '{"error":"<script>window.__owned = true</script>"}';
let ctx: TestContext;
let receiver: Receiver;
let answer: { status: number; body: string } = { status: 500, body: HOSTILE };

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) =>
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body),
  );
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

async function deliverDue() {
  const test = createTestDispatcher(ctx);
  try {
    await test.dispatcher.runUntilIdle();
  } finally {
    await test.close();
  }
}

const header = (raw: string[], name: string) => raw[raw.findIndex((h) => h.toLowerCase() === name) + 1];

function requestReceivedFor(deliveryId: string) {
  return receiver.requests.find((r) => header(r.rawHeaders, "x-novavms-delivery") === deliveryId);
}

function requestIdReceivedFor(deliveryId: string): string | undefined {
  const request = requestReceivedFor(deliveryId);
  return request && header(request.rawHeaders, "x-novavms-request-id");
}

async function logFor(orgId: string, search: Record<string, string>) {
  const parsed = parseLogParams(search);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const { rows } = await listDeliveries(ctx.db, orgId, {
    ...toDeliveryFilters(parsed.params, new Date()),
    limit: 50,
    sort: "activity",
  });
  return toLogEntries(rows, maxScheduledAttempts(ctx.config.retryScheduleMs));
}

describe("the delivery log and detail of a failed delivery, then Replay", () => {
  it("shows the failure with its advice, the request as sent and the response as text, then the Replay at the top", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/hooks`);
    // The delivery under test is the older one: after its Replay it must lead the log, which
    // sorting by creation would not do.
    const event = await sendEvent(ctx, orgId, "camera.offline");
    await deliverDue();
    const newer = await sendEvent(ctx, orgId, "camera.online");
    await deliverDue();
    const deliveryId = event.deliveries[0].id;

    const { row, attemptRows } = await fetchDelivery(ctx.db, orgId, deliveryId);
    const detail = buildDeliveryDetail(row, attemptRows, ctx.config, new Date());
    expect(detail).toMatchObject({
      status: "retrying",
      eventType: "camera.offline",
      eventId: event.id,
      webhookUrl: webhook.url,
      attempts: "attempt 1 of 6",
    });
    expect(detail.nextAttempt?.relative).toMatch(/^in (\d+ s|1 min)$/);
    const [attempt] = detail.timeline;
    expect(attempt.requestId).toBe(requestIdReceivedFor(deliveryId));
    expect(attempt.failure).toMatchObject({
      code: "webhook_delivery_failed",
      reason: "http_status",
      title: "Your endpoint returned a non-2xx response",
      troubleshootingHref: "/docs/troubleshooting#non-2xx",
      errorCodeHref: "/docs/error-codes#http_status",
    });
    expect(attempt.response?.status).toBe(500);
    expect(attempt.response?.body).toEqual({
      kind: "json",
      text: JSON.stringify(JSON.parse(HOSTILE), null, 2),
      truncated: false,
    });
    const sentHeaders = Object.fromEntries(attempt.request.headers);
    expect(sentHeaders["X-NovaVMS-Signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(attempt.request.body).toBe(requestReceivedFor(deliveryId)!.body.toString("utf8"));
    expect(attempt.curl).toContain(`-H 'X-NovaVMS-Signature: ${sentHeaders["X-NovaVMS-Signature"]}'`);

    const [top] = await logFor(orgId, { status: "retrying", event_type: "camera.offline" });
    expect(top).toMatchObject({
      id: deliveryId,
      status: "retrying",
      httpStatus: 500,
      errorCode: "webhook_delivery_failed",
      reason: "http_status",
      attempt: "attempt 1 of 6",
      requestId: attempt.requestId,
    });
    expect(top).not.toHaveProperty("event_body");

    answer = { status: 200, body: "" };
    // Before the Replay the newer delivery, attempted later, comes first.
    expect((await logFor(orgId, {})).map((entry) => entry.id)).toEqual([newer.deliveries[0].id, deliveryId]);
    const replay = await replayDelivery({ ...ctx, send: createTestDispatcher(ctx).sender.send }, systemCaller(orgId), {
      deliveryId,
    });
    expect(describeReplay(replay.attempt)).toEqual({
      ok: true,
      requestId: replay.attempt.request_id,
      status: 200,
      reason: null,
      title: null,
      message: null,
    });

    const log = await logFor(orgId, {});
    expect(log.map((entry) => entry.id)).toEqual([deliveryId, newer.deliveries[0].id]);
    expect(log[0]).toMatchObject({
      status: "succeeded",
      httpStatus: 200,
      errorCode: null,
      attempt: "attempt 1 of 6 + 1 Replay",
      requestId: replay.attempt.request_id,
    });

    const after = await fetchDelivery(ctx.db, orgId, deliveryId);
    const replayed = buildDeliveryDetail(after.row, after.attemptRows, ctx.config, new Date());
    expect(replayed.nextAttempt).toBeNull();
    expect(replayed.timeline.map((a) => [a.number, a.trigger, a.ok])).toEqual([
      [2, "manual", true],
      [1, "scheduled", false],
    ]);
    expect(replayed.timeline[0].response?.body).toEqual({ kind: "empty" });
    answer = { status: 500, body: HOSTILE };
  });

  it("finds a delivery by request_id, event id or delivery id, and never another org's", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const { orgId: otherOrg } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, `${receiver.origin}/mine`);
    await addWebhook(ctx, otherOrg, `${receiver.origin}/theirs`);
    const mine = await sendEvent(ctx, orgId);
    await sendEvent(ctx, orgId);
    const theirs = await sendEvent(ctx, otherOrg);
    await deliverDue();
    const [mineDelivery] = mine.deliveries;
    const view = await getDeliveryView(ctx.db, orgId, mineDelivery.id);
    const requestId = view.attempts[0].request_id;
    const theirRequest = (await getDeliveryView(ctx.db, otherOrg, theirs.deliveries[0].id)).attempts[0].request_id;

    for (const q of [requestId, mine.id, mineDelivery.id]) {
      expect((await logFor(orgId, { q })).map((entry) => entry.id)).toEqual([mineDelivery.id]);
    }
    expect(await logFor(orgId, { q: theirRequest })).toEqual([]);
    expect(await logFor(orgId, { q: theirs.id })).toEqual([]);
    expect(await logFor(orgId, { status: "succeeded" })).toEqual([]);
    expect(await logFor(orgId, { range: "1h" })).toHaveLength(2);
    expect(await logFor(orgId, { range: "custom", until: "2020-01-01T00:00" })).toEqual([]);
  });
});
