import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { setAppContext } from "@/lib/context";
import { buildOutgoingRequest } from "@/lib/attempts/build-request";
import { addWebhook, sendEvent } from "@/lib/testing/engine-fixtures";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { loadValidSecrets } from "@/lib/signing/valid-secrets";
import * as sandbox from "./[...path]/route";
import { newTraceparent } from "@/lib/tracing/traceparent";

// The sandbox receiver shares the console's origin and needs no sign-in: it must not be a memory
// sink, a script host, or open to anyone outside demo mode.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

function post(path: string[], body: BodyInit | null, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/sandbox/${path.join("/")}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return sandbox.POST(request, { params: Promise.resolve({ path }) });
}

function useConfig(env: Record<string, string>) {
  setAppContext({ ...ctx, config: loadConfig({ LOG_LEVEL: "silent", ...env }) });
}

describe("the sandbox receiver", () => {
  it("stops reading a body past 1 MB, declared or streamed", async () => {
    useConfig({ NOVAVMS_DEMO: "1" });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536;
        controller.enqueue(new Uint8Array(65_536));
        if (pulled > 64 * 1_048_576) controller.close();
      },
    });
    const response = await post(["ok"], endless);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1_048_576);
    expect((await post(["ok"], "{}", { "content-length": String(400 * 1_048_576) })).status).toBe(413);
    expect((await post(["ok"], "{}")).status).toBe(200);
  });

  it("serves no HTML page", async () => {
    useConfig({ NOVAVMS_DEMO: "1" });
    const response = await post(["html"], "{}");
    expect(response.headers.get("content-type")).not.toMatch(/html/);
    expect(await response.text()).not.toMatch(/<script/i);
  });

  it("outside demo mode answers only deliveries this server signed", async () => {
    useConfig({ NOVAVMS_DEMO: "0" });
    expect((await post(["ok"], "{}")).status).toBe(404);
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const hook = await addWebhook(ctx, orgId, "http://localhost/api/sandbox/ok");
    await sendEvent(ctx, orgId);
    const delivery = await ctx.db.prisma.delivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    const event = await ctx.db.prisma.event.findUniqueOrThrow({ where: { id: delivery.eventId } });
    const secrets = await loadValidSecrets(ctx.db, ctx.cipher, orgId, hook.id, new Date());
    const signed = buildOutgoingRequest({
      url: hook.url,
      body: Buffer.from(event.body),
      eventType: "camera.offline",
      deliveryId: delivery.id,
      requestId: "req_1",
      secrets,
      now: new Date(),
      traceparent: newTraceparent().header,
    });
    expect((await post(["ok"], Buffer.from(event.body), signed.headers)).status).toBe(200);
    const forged = { ...signed.headers, "X-NovaVMS-Signature": `sha256=${"0".repeat(64)}` };
    expect((await post(["ok"], Buffer.from(event.body), forged)).status).toBe(404);
    expect((await post(["ok"], Buffer.from("{}"), signed.headers)).status).toBe(404);
  });
});
