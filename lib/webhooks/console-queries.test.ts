import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCurlCommand, shellQuote } from "../delivery-log/curl";
import { ConflictError, NotFoundError } from "../errors";
import { systemCaller } from "../auth/caller";
import { updateWebhook } from "./update-webhook";
import { addWebhook, createTestDispatcher, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { sendTestEvent, TEST_EVENT_TYPE } from "./send-test-event";
import { getWebhookOverview, listWebhookSummaries } from "./stats";

let ctx: TestContext;
let receiver: Receiver;
beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((req, res) => res.writeHead(req.url?.includes("bad") ? 500 : 200).end());
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});
beforeEach(() => ctx.db.pool.query("TRUNCATE events, deliveries, delivery_attempts"));

async function deliverAll() {
  const test = createTestDispatcher(ctx);
  try {
    await test.dispatcher.runUntilIdle();
  } finally {
    await test.close();
  }
}

describe("webhook summaries and overview", () => {
  it("computes each webhook's success rate and latest delivery, for its org only", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const good = await addWebhook(ctx, orgId, `${receiver.origin}/good`);
    const bad = await addWebhook(ctx, orgId, `${receiver.origin}/bad`);
    const idle = await addWebhook(ctx, orgId, `${receiver.origin}/idle`, ["storage.low"]);
    const { orgId: otherOrg } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, otherOrg, `${receiver.origin}/other`);
    for (let i = 0; i < 3; i++) await sendEvent(ctx, orgId);
    await deliverAll();

    const summaries = await listWebhookSummaries(ctx.db, orgId, new Date(Date.now() - 3_600_000));
    expect(summaries.map((s) => s.id).sort()).toEqual([good.id, bad.id, idle.id].sort());
    const byId = new Map(summaries.map((s) => [s.id, s]));
    expect(byId.get(good.id)).toMatchObject({ successRate: 1, deliveries: 3, lastStatus: "succeeded" });
    // Failed attempts are still retrying: nothing settled, so no rate yet.
    expect(byId.get(bad.id)).toMatchObject({ successRate: null, deliveries: 3, lastStatus: "retrying" });
    expect(byId.get(idle.id)).toMatchObject({ successRate: null, deliveries: 0, lastDeliveryAt: null });

    const overview = await getWebhookOverview(ctx.db, orgId, good.id, {
      since: new Date(Date.now() - 6 * 3_600_000),
      bucketMinutes: 60,
    });
    expect(overview.totals).toEqual({ pending: 0, retrying: 0, succeeded: 3, failed: 0 });
    expect(overview.successRate).toBe(1);
    expect(overview.buckets.length).toBeGreaterThanOrEqual(6);
    expect(overview.buckets.reduce((n, b) => n + b.succeeded, 0)).toBe(3);
    const foreign = await getWebhookOverview(ctx.db, otherOrg, good.id, {
      since: new Date(0),
      bucketMinutes: 60 * 24 * 365,
    });
    expect(foreign.totals).toEqual({ pending: 0, retrying: 0, succeeded: 0, failed: 0 });
  });
});

describe("send test event", () => {
  it("delivers a webhook.test event to that webhook only, whatever its event types", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const target = await addWebhook(ctx, orgId, `${receiver.origin}/target`, ["camera.offline"]);
    await addWebhook(ctx, orgId, `${receiver.origin}/bystander`);
    receiver.requests.splice(0);
    const { deliveryId } = await sendTestEvent(ctx, systemCaller(orgId), { webhookId: target.id });
    await deliverAll();
    expect(receiver.requests.map((r) => r.path)).toEqual(["/target"]);
    expect(JSON.parse(receiver.requests[0].body.toString())).toMatchObject({ type: TEST_EVENT_TYPE });
    expect(await ctx.db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      status: "succeeded",
    });
  });

  it("refuses a disabled webhook", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/off`);
    await updateWebhook(ctx, systemCaller(orgId), { webhookId: webhook.id, changes: { enabled: false } });
    await expect(sendTestEvent(ctx, systemCaller(orgId), { webhookId: webhook.id })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await ctx.db.prisma.delivery.count()).toBe(0);
  });

  it("refuses another org's webhook", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const { orgId: otherOrg } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, `${receiver.origin}/mine`);
    await expect(sendTestEvent(ctx, systemCaller(otherOrg), { webhookId: webhook.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await ctx.db.prisma.delivery.count()).toBe(0);
  });
});

describe("curl command", () => {
  it("quotes every value so a shell passes it through unchanged", () => {
    const nasty = `it's $(rm -rf /) \`x\` "quoted" \\ ; & | ü`;
    expect(execFileSync("/bin/sh", ["-c", `printf %s ${shellQuote(nasty)}`], { encoding: "utf8" })).toBe(nasty);
    const command = buildCurlCommand({
      url: "http://localhost:4000/hooks",
      headers: { "Content-Type": "application/json", "X-NovaVMS-Signature": "sha256=abc", "Content-Length": "12" },
      body: Buffer.from(`{"note":"it's"}`),
    });
    expect(command).toBe(
      [
        `curl -X POST 'http://localhost:4000/hooks'`,
        `-H 'Content-Type: application/json'`,
        `-H 'X-NovaVMS-Signature: sha256=abc'`,
        `--data-binary '{"note":"it'\\''s"}'`,
      ].join(" \\\n  "),
    );
  });
});
