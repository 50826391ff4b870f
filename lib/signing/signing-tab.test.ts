import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActor, systemCaller, userCaller } from "../auth/caller";
import { NotFoundError } from "../errors";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { maskSecret } from "../webhooks/mask-secret";
import { overviewWindow } from "../webhooks/overview-range";
import { getSigningSummary } from "../webhooks/queries";
import { revealSigningSecret } from "../webhooks/reveal-secret";
import { rotateSigningSecret } from "./rotate-secret";
import { getSigningInfo } from "./signing-info";

describe("maskSecret", () => {
  it("keeps the whsec_ prefix and the last 4 characters only", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/sEk+0Ktdo0=";
    const masked = maskSecret(secret);
    expect(masked).toBe("whsec_••••••••••••do0=");
    expect(masked.endsWith(secret.slice(-4))).toBe(true);
    expect(masked).not.toContain(secret.slice(6, -4));
  });

  it("shows no characters of a secret too short to hide", () => {
    expect(maskSecret("whsec_abcd")).toBe("whsec_••••••••••••");
    expect(maskSecret("")).toBe("••••••••••••");
  });
});

describe("overviewWindow", () => {
  const now = new Date("2026-11-28T15:42:10Z");

  it("is 24 hourly buckets by default, the last one the current hour", () => {
    for (const param of [undefined, "24h", "1y", ["7d", "24h"]]) {
      expect(overviewWindow(param, now)).toMatchObject({
        range: "24h",
        bucketMinutes: 60,
        since: new Date("2026-11-27T16:00:00Z"),
      });
    }
  });

  it("is 28 six-hour buckets for 7d, on UTC boundaries", () => {
    expect(overviewWindow("7d", now)).toMatchObject({
      range: "7d",
      bucketMinutes: 360,
      since: new Date("2026-11-21T18:00:00Z"),
    });
  });
});

describe("the Signing tab's reads and Reveal", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it("shows the current secret masked and the previous one with its expiry", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://example.com/hooks");
    const before = await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id);
    const now = new Date();
    const after = await rotateSigningSecret({ ...ctx, now: () => now }, systemCaller(orgId), {
      webhookId: webhook.id,
      graceSeconds: 3600,
    });

    const summary = await getSigningSummary(ctx.db, ctx.cipher, orgId, webhook.id);
    expect(summary.masked).toBe(maskSecret(after.secret));
    expect(JSON.stringify(summary)).not.toContain(after.secret);
    expect(JSON.stringify(summary)).not.toContain(before.secret);
    expect(summary.createdAt).toBe(after.created_at);
    expect(summary.previous).toEqual([
      { created_at: before.created_at, expires_at: new Date(now.getTime() + 3_600_000).toISOString() },
    ]);
  });

  it("reveals the current secret to its org and writes an audit row naming who", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://example.com/hooks");
    const admin = await createTestUser(ctx.db, orgId, "admin");
    const secret = await revealSigningSecret(ctx, userCaller(admin), { webhookId: webhook.id });
    expect(secret).toBe((await getSigningInfo(ctx.db, ctx.cipher, orgId, webhook.id)).secret);
    const audit = await ctx.db.prisma.auditLog.findMany({ where: { orgId, action: "webhook.secret.reveal" } });
    expect(audit).toMatchObject([
      { actor: auditActor(userCaller(admin)), targetType: "webhook", targetId: webhook.id },
    ]);
  });

  it("refuses another org's webhook and records nothing", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const { orgId: otherOrg } = await createTestOrg(ctx.db, ctx.cipher);
    const webhook = await addWebhook(ctx, orgId, "https://example.com/hooks");
    await expect(
      revealSigningSecret(ctx, userCaller(await createTestUser(ctx.db, otherOrg, "admin")), { webhookId: webhook.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSigningSummary(ctx.db, ctx.cipher, otherOrg, webhook.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ctx.db.prisma.auditLog.count({ where: { action: "webhook.secret.reveal", orgId: otherOrg } })).toBe(0);
  });
});
