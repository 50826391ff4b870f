import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller, userCaller } from "../auth/caller";
import { ForbiddenError, ValidationError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg } from "../testing/org-fixtures";
import { addWebhook } from "../testing/engine-fixtures";
import { ingestEvent } from "./ingest";
import { ingestBatchInput, ingestEventBatch, MAX_BATCH_EVENTS } from "./ingest-batch";

// A batch of events stored as one: each event as POST /api/v1/events would store it, all of them
// or none, each idempotency key on its own.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ NOVAVMS_MAX_EVENT_BYTES: "2048" });
});
afterAll(() => ctx.close());

async function newOrg() {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const all = await addWebhook(ctx, orgId, "https://a.example.test/hook");
  const offline = await addWebhook(ctx, orgId, "https://b.example.test/hook", ["camera.offline"]);
  return { orgId, caller: systemCaller(orgId), all: all.id, offline: offline.id };
}

async function counts(orgId: string) {
  const { rows } = await ctx.db.pool.query<{ events: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM events WHERE org_id = $1) AS events,
            (SELECT count(*)::int FROM deliveries WHERE org_id = $1) AS deliveries`,
    [orgId],
  );
  return rows[0];
}

describe("ingestEventBatch", () => {
  it("stores every event with a delivery per subscribed webhook, answering in the order sent", async () => {
    const org = await newOrg();
    const results = await ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: { n: 0 } },
        { type: "camera.online", data: { n: 1 } },
        { type: "camera.offline", data: { n: 2 } },
      ],
    });
    expect(results.map((r) => r.deliveries.map((d) => d.webhook_id).sort())).toEqual([
      [org.all, org.offline].sort(),
      [org.all],
      [org.all, org.offline].sort(),
    ]);
    // Each answer is the event sent at that index: its stored body says so.
    const { rows } = await ctx.db.pool.query<{ id: string; body: Buffer }>(
      "SELECT id, body FROM events WHERE id = ANY($1)",
      [results.map((r) => r.id)],
    );
    const n = new Map(rows.map((r) => [r.id, JSON.parse(r.body.toString()).data.n]));
    expect(results.map((r) => n.get(r.id))).toEqual([0, 1, 2]);
    expect(await counts(org.orgId)).toEqual({ events: 3, deliveries: 5 });
  });

  it("takes each idempotency key on its own: a key seen before answers its first result, the others are stored", async () => {
    const org = await newOrg();
    const [first] = await ingestEventBatch(ctx, org.caller, {
      events: [{ type: "camera.offline", data: {}, idempotency_key: "k1" }],
    });
    const results = await ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: {}, idempotency_key: "k2" },
        { type: "camera.offline", data: {}, idempotency_key: "k1" },
        { type: "camera.online", data: {} },
      ],
    });
    expect(results[1]).toEqual({ ...first, duplicate: true });
    expect(results[0].duplicate).toBe(false);
    expect(results[2].duplicate).toBe(false);
    expect(new Set(results.map((r) => r.id)).size).toBe(3);
    expect(await counts(org.orgId)).toEqual({ events: 3, deliveries: 2 + 2 + 1 });
    // The whole batch again creates nothing and answers the same.
    const again = await ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: {}, idempotency_key: "k2" },
        { type: "camera.offline", data: {}, idempotency_key: "k1" },
      ],
    });
    expect(again.map((r) => r.id)).toEqual([results[0].id, first.id]);
    expect(again.every((r) => r.duplicate)).toBe(true);
    expect(await counts(org.orgId)).toEqual({ events: 3, deliveries: 5 });
  });

  it("answers a key first used by POST /events exactly as that did, and refuses it with another event (409, nothing stored)", async () => {
    const org = await newOrg();
    for (let i = 0; i < 6; i++) await addWebhook(ctx, org.orgId, `https://c${i}.example.test/hook`);
    const single = await ingestEvent(ctx, org.caller, { type: "camera.offline", data: { a: 1 }, idempotency_key: "k" });
    const [repeat] = await ingestEventBatch(ctx, org.caller, {
      events: [{ type: "camera.offline", data: { a: 1 }, idempotency_key: "k" }],
    });
    expect(repeat).toEqual({ ...single, duplicate: true });
    expect(single.deliveries).toHaveLength(8);
    const before = await counts(org.orgId);
    const reused = ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: { n: 1 } },
        { type: "camera.offline", data: { a: 2 }, idempotency_key: "k" },
      ],
    });
    await expect(reused).rejects.toMatchObject({ code: "idempotency_key_reused", status: 409 });
    await expect(reused).rejects.toThrow(/^events\.1: /);
    expect(await counts(org.orgId)).toEqual(before);
  });

  it("keeps keys per org: another org's key is not a duplicate", async () => {
    const a = await newOrg();
    const b = await newOrg();
    const [fromA] = await ingestEventBatch(ctx, a.caller, {
      events: [{ type: "x.y", data: {}, idempotency_key: "same" }],
    });
    const [fromB] = await ingestEventBatch(ctx, b.caller, {
      events: [{ type: "x.y", data: {}, idempotency_key: "same" }],
    });
    expect(fromB.duplicate).toBe(false);
    expect(fromB.id).not.toBe(fromA.id);
    expect(fromB.deliveries.map((d) => d.webhook_id)).toEqual([b.all]);
  });

  it("stores nothing when one event is invalid, and names its index", () => {
    const events = [
      { type: "camera.offline", data: {} },
      { type: "camera.offline", data: {} },
      { type: "not a type!", data: {} },
    ];
    const parsed = ingestBatchInput.safeParse({ events });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(["events", 2, "type"]);
  });

  it("stores nothing when one event is too large or repeats a key of the batch, and names its index", async () => {
    const org = await newOrg();
    const tooLarge = ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: {} },
        { type: "camera.offline", data: { blob: "x".repeat(4096) } },
      ],
    });
    await expect(tooLarge).rejects.toThrow(ValidationError);
    await expect(tooLarge).rejects.toThrow(/^events\.1\.data: /);
    const repeated = ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: {}, idempotency_key: "a" },
        { type: "camera.offline", data: {}, idempotency_key: "b" },
        { type: "camera.offline", data: {}, idempotency_key: "a" },
      ],
    });
    await expect(repeated).rejects.toThrow("events.2.idempotency_key: repeats the idempotency_key of events.0");
    expect(await counts(org.orgId)).toEqual({ events: 0, deliveries: 0 });
  });

  it("stores nothing when the database refuses one event of the batch", async () => {
    const org = await newOrg();
    // A NUL character cannot be stored in a text column: the statement fails as a whole.
    const failing = ingestEventBatch(ctx, org.caller, {
      events: [
        { type: "camera.offline", data: {}, idempotency_key: "fine" },
        { type: "camera.offline", data: {}, idempotency_key: "bad\u0000key" },
      ],
    });
    await expect(failing).rejects.toThrow();
    expect(await counts(org.orgId)).toEqual({ events: 0, deliveries: 0 });
  });

  it("is refused to console users, as event.ingest in the policy table says", async () => {
    const org = await newOrg();
    const admin = userCaller({ id: "usr_x", orgId: org.orgId, role: "admin" });
    await expect(ingestEventBatch(ctx, admin, { events: [{ type: "a.b", data: {} }] })).rejects.toThrow(ForbiddenError);
    expect(await counts(org.orgId)).toEqual({ events: 0, deliveries: 0 });
  });

  it(`accepts ${MAX_BATCH_EVENTS} events and no more`, async () => {
    const org = await newOrg();
    const events = Array.from({ length: MAX_BATCH_EVENTS }, (_, i) => ({ type: "camera.online", data: { i } }));
    expect(ingestBatchInput.safeParse({ events: [...events, events[0]] }).success).toBe(false);
    const results = await ingestEventBatch(ctx, org.caller, { events });
    expect(results).toHaveLength(MAX_BATCH_EVENTS);
    expect(await counts(org.orgId)).toEqual({ events: MAX_BATCH_EVENTS, deliveries: MAX_BATCH_EVENTS });
  });
});
