import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { systemCaller } from "../auth/caller";
import { ingestEvent, type IngestEventInput, type IngestResult } from "./ingest";
import { ingestEventGrouped } from "./group-commit";
import { ingestEventBatch } from "./ingest-batch";

// An idempotency key names one request: sent again it gets exactly the first answer, and sent
// with a different event it is refused, so a client bug cannot pass for a retry. The same rules
// hold on every ingest path (one implementation, insert-events.ts): a single call, the grouped
// call of POST /events, and an event of POST /events/batch.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

type Ingest = (orgId: string, input: IngestEventInput) => Promise<IngestResult>;
const paths: Array<[string, Ingest]> = [
  ["a single call", (orgId, input) => ingestEvent(ctx, systemCaller(orgId), input)],
  ["a grouped call", (orgId, input) => ingestEventGrouped(ctx, systemCaller(orgId), input)],
  ["a batch", async (orgId, input) => (await ingestEventBatch(ctx, systemCaller(orgId), { events: [input] }))[0]],
];

async function rowCounts(orgId: string) {
  const { rows } = await ctx.db.pool.query<{ events: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM events WHERE org_id = $1) AS events,
            (SELECT count(*)::int FROM deliveries WHERE org_id = $1) AS deliveries`,
    [orgId],
  );
  return rows[0];
}

describe.each(paths)("idempotency keys, through %s", (_path, ingest) => {
  it("answer a repeat with exactly the first answer, deliveries in the same order", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    for (let i = 0; i < 8; i++) await addWebhook(ctx, orgId, `https://example.com/hook-${i}`);
    const input = { type: "camera.offline", data: { camera_id: "cam_1", n: [1, 2.5, "x"] }, idempotency_key: "k-1" };
    const first = await ingest(orgId, input);
    const again = await ingest(orgId, structuredClone(input));
    expect(first.deliveries).toHaveLength(8);
    expect(first.duplicate).toBe(false);
    expect(again.id).toBe(first.id);
    expect(again.deliveries).toEqual(first.deliveries);
    expect(again.duplicate).toBe(true);
    // Across paths too: the first answer is the key's, whichever path sent it first.
    for (const [, other] of paths) expect(await other(orgId, structuredClone(input))).toEqual(again);
    expect(await rowCounts(orgId)).toEqual({ events: 1, deliveries: 8 });
  });

  it.each([
    ["other data", { data: { camera_id: "cam_2" } }],
    ["another type", { type: "camera.online" }],
    ["the same data in another key order", { data: { b: 1, a: 2 } }],
  ])("refuse the same key with %s (409 idempotency_key_reused), creating nothing", async (_name, change) => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    await addWebhook(ctx, orgId, "https://example.com/hook");
    await ingest(orgId, { type: "camera.offline", data: { a: 2, b: 1 }, idempotency_key: "k-2" });
    const reused = ingest(orgId, { type: "camera.offline", data: { a: 2, b: 1 }, idempotency_key: "k-2", ...change });
    await expect(reused).rejects.toMatchObject({ code: "idempotency_key_reused", status: 409 });
    expect(await rowCounts(orgId)).toEqual({ events: 1, deliveries: 1 });
  });

  it("store one event for concurrent requests with one key, answering each of them alike", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    for (let i = 0; i < 3; i++) await addWebhook(ctx, orgId, `https://example.com/c-${i}`);
    const input = { type: "camera.offline", data: { n: 1 }, idempotency_key: "k-concurrent" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => ingest(orgId, structuredClone(input))));
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    for (const answer of answers) expect({ ...answer, duplicate: false }).toEqual({ ...answers[0], duplicate: false });
    expect(answers[0].deliveries).toHaveLength(3);
    expect(await rowCounts(orgId)).toEqual({ events: 1, deliveries: 3 });
  });
});
