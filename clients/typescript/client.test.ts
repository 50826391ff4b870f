import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import {
  attemptSchema,
  batchAcceptedSchema,
  deliveryDetailSchema,
  eventAcceptedSchema,
  webhookSchema,
} from "@/lib/openapi/response-schemas";
import { createTestDispatcher } from "@/lib/testing/engine-fixtures";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { routeFetch } from "@/lib/testing/route-fetch";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { createNovaVmsClient, type NovaVmsClient } from "./client";
import { generateClientTypes } from "./generate";

// The generated client against the API's route handlers, a real database and a real receiver.

let ctx: TestContext;
let receiver: Receiver;
let status = 500;
let client: NovaVmsClient;

beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) => res.writeHead(status).end(`{"status":${status}}`));
  const org = await createTestOrg(ctx.db, ctx.cipher);
  client = createNovaVmsClient({ baseUrl: "http://novavms.test", token: org.apiToken, fetch: routeFetch });
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver.close();
  await ctx.close();
});

describe("the typed TypeScript client", () => {
  it("creates a webhook, sends an event, reads the failed delivery and replays it to success", async () => {
    const created = await client.POST("/webhooks", {
      body: { url: `${receiver.origin}/client`, event_types: ["camera.offline"] },
    });
    expect(created.response.status).toBe(201);
    const webhook = webhookSchema.parse(created.data);

    const sent = await client.POST("/events", { body: { type: "camera.offline", data: { camera_id: "cam_1" } } });
    expect(sent.response.status).toBe(202);
    const accepted = eventAcceptedSchema.parse(sent.data);
    expect(accepted.deliveries).toEqual([{ id: expect.any(String), webhook_id: webhook.id }]);
    const deliveryId = accepted.deliveries[0].id;

    status = 503;
    const test = createTestDispatcher(ctx);
    try {
      await test.dispatcher.runUntilIdle();
    } finally {
      await test.close();
    }

    const read = await client.GET("/deliveries/{id}", { params: { path: { id: deliveryId } } });
    const failed = deliveryDetailSchema.parse(read.data);
    expect(failed.status).toBe("retrying");
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ response_status: 503, reason: "http_status" });

    const listed = await client.GET("/deliveries", {
      params: { query: { status: "retrying", webhook_id: webhook.id } },
    });
    expect(listed.data?.data.map((d) => d.id)).toEqual([deliveryId]);

    status = 200;
    const replayed = await client.POST("/deliveries/{id}/replay", { params: { path: { id: deliveryId } } });
    const attempt = attemptSchema.parse(replayed.data);
    expect(attempt).toMatchObject({ trigger: "manual", response_status: 200, error_code: null });

    const after = await client.GET("/deliveries/{id}", { params: { path: { id: deliveryId } } });
    expect(after.data?.status).toBe("succeeded");
  });

  it("sends a batch of events and reads each event's answer in the order sent", async () => {
    const created = await client.POST("/webhooks", {
      body: { url: `${receiver.origin}/batch`, event_types: ["camera.online"] },
    });
    const webhook = webhookSchema.parse(created.data);
    const sent = await client.POST("/events/batch", {
      body: {
        events: [
          { type: "camera.online", data: { n: 1 }, idempotency_key: "client-batch-1" },
          { type: "camera.tampered", data: { n: 2 } },
        ],
      },
    });
    expect(sent.response.status).toBe(202);
    const accepted = batchAcceptedSchema.parse(sent.data);
    expect(accepted.events.map((e) => e.duplicate)).toEqual([false, false]);
    expect(accepted.events[0].deliveries).toEqual([{ id: expect.any(String), webhook_id: webhook.id }]);
    expect(accepted.events[1].deliveries.map((d) => d.webhook_id)).not.toContain(webhook.id);

    const again = await client.POST("/events/batch", {
      body: { events: [{ type: "camera.online", data: { n: 1 }, idempotency_key: "client-batch-1" }] },
    });
    expect(again.data?.events).toEqual([{ ...accepted.events[0], duplicate: true }]);
    const reused = await client.POST("/events/batch", {
      body: { events: [{ type: "camera.online", data: { n: 9 }, idempotency_key: "client-batch-1" }] },
    });
    expect(reused.response.status).toBe(409);
    expect(reused.error?.error.code).toBe("idempotency_key_reused");
  });

  it("returns the API's error shape, typed, for a refused request", async () => {
    const missing = await client.GET("/webhooks/{id}", { params: { path: { id: "wh_missing" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("not_found");
    const bad = await client.POST("/events", { body: { type: "Not A Type", data: {} } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.error).toMatchObject({ code: "invalid_request", request_id: expect.stringMatching(/^api_/) });
  });

  it("is generated from the current OpenAPI document (schema.d.ts is up to date)", async () => {
    const committed = readFileSync(path.join(import.meta.dirname, "schema.d.ts"), "utf8");
    expect(committed).toBe(await generateClientTypes());
  });
});
