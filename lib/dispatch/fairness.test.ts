import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhook, sendEvent } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { claimDueDeliveries } from "./claim-due";

// Fairness across orgs, on a fixed clock: a noisy org's backlog of older due deliveries, spread
// over many webhooks so the per-webhook cap does not hold it back, must not keep a quiet org's
// fresh event out of the next claim.

const t0 = new Date("2026-04-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const BACKLOG = 2_000;
const NOISY_WEBHOOKS = 20;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

function claim(now: Date, workerId: string, limit: number) {
  return claimDueDeliveries(ctx.db, { workerId, now, limit, leaseMs: 60_000, perWebhook: 8, inFlight: new Map() });
}

describe("the claim's turns across orgs", () => {
  it("claims a quiet org's fresh delivery in the first claim after it is due, whatever another org's backlog", async () => {
    const noisy = await createTestOrg(ctx.db, ctx.cipher, "Noisy");
    const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet");
    const other = await createTestOrg(ctx.db, ctx.cipher, "Other quiet");
    for (let i = 0; i < NOISY_WEBHOOKS; i++) await addWebhook(ctx, noisy.orgId, `https://noisy-${i}.example.test/hook`);
    await addWebhook(ctx, quiet.orgId, "https://quiet.example.test/hook");
    await addWebhook(ctx, other.orgId, "https://other.example.test/hook");
    // The backlog: 100 events fanned out to 20 webhooks, due over the 10 minutes before t0.
    for (let i = 0; i < BACKLOG / NOISY_WEBHOOKS; i++)
      await sendEvent(ctx, noisy.orgId, "camera.offline", {}, at(-600_000 + i));
    const { deliveries: fresh } = await sendEvent(ctx, quiet.orgId, "camera.offline", {}, t0);
    const { deliveries: alsoFresh } = await sendEvent(ctx, other.orgId, "camera.offline", {}, at(1));
    const due = await ctx.db.prisma.delivery.count({ where: { orgId: noisy.orgId, nextAttemptAt: { lte: t0 } } });
    expect(due).toBe(BACKLOG);

    // A claim of 10, far fewer than the backlog: oldest first alone would take 10 noisy deliveries.
    const first = await claim(at(1), "worker-a", 10);
    expect(first).toHaveLength(10);
    const ids = first.map((d) => d.id);
    expect(ids).toContain(fresh[0].id);
    expect(ids).toContain(alsoFresh[0].id);
    // The rest is the noisy org's oldest, in order: its backlog still goes first within it.
    const noisyClaimed = first.filter((d) => d.orgId === noisy.orgId);
    expect(noisyClaimed).toHaveLength(8);
    const oldestNoisy = await ctx.db.prisma.delivery.findMany({
      where: { orgId: noisy.orgId },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: 8,
      select: { id: true },
    });
    expect(noisyClaimed.map((d) => d.id)).toEqual(oldestNoisy.map((d) => d.id));
    // And the claim hands them over in its turns, the order the worker starts them in: each org's
    // oldest first (oldest of them first), then each org's second, and so on.
    expect(ids.slice(0, 3)).toEqual([oldestNoisy[0].id, fresh[0].id, alsoFresh[0].id]);
  });

  it("a second claim skips the deliveries the first one leased", async () => {
    const a = await claim(at(2), "worker-b", 50);
    const b = await claim(at(2), "worker-c", 50);
    expect(a.length + b.length).toBe(100);
    const leased = await ctx.db.prisma.delivery.groupBy({
      by: ["leaseOwner"],
      where: { leaseOwner: { in: ["worker-b", "worker-c"] } },
      _count: true,
    });
    expect(Object.fromEntries(leased.map((row) => [row.leaseOwner, row._count]))).toEqual({
      "worker-b": a.length,
      "worker-c": b.length,
    });
    expect(new Set([...a, ...b].map((d) => d.id)).size).toBe(100);
  });

  it("leaves an org at its share of the worker's slots out of the claim, and takes the other orgs' deliveries", async () => {
    const noisy = await createTestOrg(ctx.db, ctx.cipher, "Noisy at its share");
    const quiet = await createTestOrg(ctx.db, ctx.cipher, "Quiet beside it");
    for (let i = 0; i < 4; i++) await addWebhook(ctx, noisy.orgId, `https://share-${i}.example.test/hook`);
    await addWebhook(ctx, quiet.orgId, "https://share-quiet.example.test/hook");
    for (let i = 0; i < 10; i++) await sendEvent(ctx, noisy.orgId, "camera.offline", {}, at(10_000 + i));
    const { deliveries: fresh } = await sendEvent(ctx, quiet.orgId, "camera.offline", {}, at(20_000));
    // The first test's noisy backlog is still due: only these two orgs' deliveries are looked at.
    const claimAt = async (orgInFlight: Map<string, number>, workerId: string) =>
      (
        await claimDueDeliveries(ctx.db, {
          workerId,
          now: at(20_000),
          limit: 10,
          leaseMs: 60_000,
          perWebhook: 8,
          inFlight: new Map(),
          perOrg: 6,
          orgInFlight,
        })
      ).filter((d) => d.orgId === noisy.orgId || d.orgId === quiet.orgId);
    // 4 of the noisy org's own in flight: 2 more reach its share of 6, beside the quiet one.
    const first = await claimAt(new Map([[noisy.orgId, 4]]), "worker-share-a");
    expect(first.map((d) => d.orgId).sort()).toEqual([noisy.orgId, noisy.orgId, quiet.orgId].sort());
    expect(first.map((d) => d.id)).toContain(fresh[0].id);
    // At its share, none of its 38 other due deliveries is claimed, however many slots are free.
    const second = await claimAt(new Map([[noisy.orgId, 6]]), "worker-share-b");
    expect(second).toEqual([]);
    const third = await claimAt(new Map([[noisy.orgId, 5]]), "worker-share-c");
    expect(third.map((d) => d.orgId)).toEqual([noisy.orgId]);
  });
});
