import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../auth/caller";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createWebhook } from "../webhooks/create-webhook";
import { releaseTurn, waitForRateSlot } from "./rate-limit";

// The turn is held from its grant until its attempt starts; the next turn comes one interval
// after that start. Two turns of one webhook in this process queue up like two workers' would
// (the second asks the database while the first is held). Waits are only ever checked from below.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

async function newWebhook(): Promise<string> {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  const webhook = await createWebhook(ctx, systemCaller(orgId), {
    url: "https://receiver.example/hook",
    description: "",
    event_types: [],
    enabled: true,
    rate_limit_per_second: 20,
  });
  return webhook.id;
}

async function nextAt(webhookId: string): Promise<string> {
  const { rows } = await ctx.db.pool.query<{ next_at: string }>(
    "SELECT next_at::text AS next_at FROM rate_limit_slots WHERE webhook_id = $1",
    [webhookId],
  );
  return rows[0].next_at;
}

describe("rate-limit turns", () => {
  it("keeps the next turn waiting while one is held, and grants it an interval after that one's start", async () => {
    const webhookId = await newWebhook();
    const first = await waitForRateSlot(ctx.db, webhookId, 20);
    let secondGranted = false;
    const second = waitForRateSlot(ctx.db, webhookId, 20).then((turn) => {
      secondGranted = true;
      return turn;
    });
    // Six intervals pass with the first attempt not yet started (a worker kept from the CPU):
    // the second is not granted, where a turn that only spaced grants would have let it go.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondGranted).toBe(false);
    const startedAt = performance.now();
    await releaseTurn(first, startedAt);
    const turn = await second;
    // 50 ms after the first start, less the half millisecond the database rounds to.
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(49);
    await releaseTurn(turn);
  });

  it("leaves another worker's hold alone when a turn whose hold lapsed is released late", async () => {
    const webhookId = await newWebhook();
    const late = await waitForRateSlot(ctx.db, webhookId, 20);
    // The hold lapses (its worker was gone for longer than it lasts: 10 s, so the next grant's hold
    // ends at another millisecond; here a few are let pass) and another turn is granted.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ctx.db.pool.query("UPDATE rate_limit_slots SET next_at = now() - interval '1 second' WHERE webhook_id = $1", [
      webhookId,
    ]);
    const other = await waitForRateSlot(ctx.db, webhookId, 20);
    expect(other.heldUntil).not.toBe(late.heldUntil);
    await releaseTurn(late);
    expect(await nextAt(webhookId)).toBe(other.heldUntil);
    // The holder's own release moves it to an interval after its start.
    await releaseTurn(other);
    expect(await nextAt(webhookId)).not.toBe(other.heldUntil);
    const { rows } = await ctx.db.pool.query<{ ahead_ms: number }>(
      "SELECT extract(epoch FROM next_at - clock_timestamp()) * 1000 AS ahead_ms FROM rate_limit_slots WHERE webhook_id = $1",
      [webhookId],
    );
    expect(Number(rows[0].ahead_ms)).toBeLessThanOrEqual(50);
  });
});
