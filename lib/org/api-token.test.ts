import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken } from "../auth/api-tokens";
import { auditActor, userCaller } from "../auth/caller";
import { createSession, findSessionUser } from "../auth/sessions";
import { ForbiddenError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { regenerateApiToken, revealApiToken } from "./api-token";
import { getActiveApiToken } from "./queries";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const bearer = (token: string) => `Bearer ${token}`;

describe("the org's API token", () => {
  it("reveals the token in clear to an admin of its org, and audits the reveal", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    const admin = userCaller(await createTestUser(ctx.db, orgId, "admin"));
    expect(await revealApiToken(ctx, admin)).toBe(apiToken);
    expect(
      await ctx.db.prisma.auditLog.count({ where: { orgId, action: "api_token.reveal", actor: auditActor(admin) } }),
    ).toBe(1);
    const summary = await getActiveApiToken(ctx.db, orgId);
    expect(summary?.prefix).toBe(apiToken.slice(0, 9));
  });

  it("regenerate: the old token stops authenticating, the new one works, and the old row is revoked", async () => {
    const { orgId, apiToken: old } = await createTestOrg(ctx.db, ctx.cipher);
    const admin = userCaller(await createTestUser(ctx.db, orgId, "admin"));
    expect(await authenticateApiToken(ctx.db, bearer(old))).toMatchObject({ orgId });

    const now = new Date();
    const fresh = await regenerateApiToken({ ...ctx, now: () => now }, admin);

    expect(fresh).not.toBe(old);
    expect(fresh).toMatch(/^nvms_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateApiToken(ctx.db, bearer(old))).toBeNull();
    expect(await authenticateApiToken(ctx.db, bearer(fresh))).toMatchObject({ orgId });
    expect(await revealApiToken(ctx, admin)).toBe(fresh);

    const rows = await ctx.db.prisma.apiToken.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.revokedAt?.getTime() ?? null)).toEqual([now.getTime(), null]);
    expect(await ctx.db.prisma.auditLog.count({ where: { orgId, action: "api_token.regenerate" } })).toBe(1);
  });

  it("regenerating in one org leaves another org's token working", async () => {
    const a = await createTestOrg(ctx.db, ctx.cipher);
    const b = await createTestOrg(ctx.db, ctx.cipher);
    const adminB = userCaller(await createTestUser(ctx.db, b.orgId, "admin"));
    await regenerateApiToken(ctx, adminB);
    expect(await authenticateApiToken(ctx.db, bearer(a.apiToken))).toMatchObject({ orgId: a.orgId });
    expect(await authenticateApiToken(ctx.db, bearer(b.apiToken))).toBeNull();
  });

  it("concurrent regenerations leave exactly one live token", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const admin = userCaller(await createTestUser(ctx.db, orgId, "admin"));
    const tokens = await Promise.all([
      regenerateApiToken(ctx, admin),
      regenerateApiToken(ctx, admin),
      regenerateApiToken(ctx, admin),
    ]);
    const live = await Promise.all(tokens.map((t) => authenticateApiToken(ctx.db, bearer(t))));
    expect(live.filter(Boolean)).toHaveLength(1);
  });

  it("a viewer's session can neither reveal nor regenerate, and the token keeps working", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    const viewer = await createTestUser(ctx.db, orgId, "viewer");
    const session = await findSessionUser(ctx.db, (await createSession(ctx.db, viewer.id, { hours: 1 })).token);

    await expect(revealApiToken(ctx, userCaller(session!))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(regenerateApiToken(ctx, userCaller(session!))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await authenticateApiToken(ctx.db, bearer(apiToken))).toMatchObject({ orgId });
    expect(await ctx.db.prisma.auditLog.count({ where: { orgId } })).toBe(0);
  });
});
