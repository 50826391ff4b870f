import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken } from "../auth/api-tokens";
import { userCaller } from "../auth/caller";
import { hashToken } from "../auth/tokens";
import { NotFoundError } from "../errors";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { regenerateApiToken, revealApiToken } from "./api-token";
import { createNamedToken, revokeNamedToken } from "./named-tokens";
import { listNamedApiTokens } from "./queries";
import { createNamedTokenSchema } from "./schemas";

// Named tokens: several per org, each with its scopes, hashed only (shown once), revoked at once,
// and audited without their value. The org's main token is another thing and is left alone.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function orgWithAdmin() {
  const org = await createTestOrg(ctx.db, ctx.cipher);
  return { ...org, admin: userCaller(await createTestUser(ctx.db, org.orgId, "admin")) };
}

describe("named API tokens", () => {
  it("authenticate with their scopes, are stored hashed only, and are listed without their value", async () => {
    const { orgId, admin, apiToken } = await orgWithAdmin();
    const { id, token } = await createNamedToken(ctx, admin, { name: "camera producer", scopes: ["events:write"] });

    expect(await authenticateApiToken(ctx.db, `Bearer ${token}`)).toEqual({
      orgId,
      tokenId: id,
      scopes: ["events:write"],
    });
    const row = await ctx.db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenEncrypted).toBeNull();
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(9));

    const listed = await listNamedApiTokens(ctx.db, orgId);
    expect(listed).toEqual([expect.objectContaining({ id, name: "camera producer", scopes: ["events:write"] })]);
    expect(JSON.stringify(listed)).not.toContain(token.slice(9));
    // The main token is not among them, and reveal still shows the main one.
    expect(await revealApiToken(ctx, admin)).toBe(apiToken);

    const audit = await ctx.db.prisma.auditLog.findFirstOrThrow({ where: { orgId, action: "api_token.create" } });
    expect(audit).toMatchObject({ targetId: id, details: { name: "camera producer", scopes: ["events:write"] } });
    expect(JSON.stringify(audit)).not.toContain(token.slice(9));
  });

  it("stop working when revoked, which is audited; another org's token is not found", async () => {
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    const { id, token } = await createNamedToken(ctx, a.admin, { name: "ci", scopes: ["deliveries:read"] });

    await expect(revokeNamedToken(ctx, b.admin, { tokenId: id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await authenticateApiToken(ctx.db, `Bearer ${token}`)).not.toBeNull();

    await revokeNamedToken(ctx, a.admin, { tokenId: id });
    expect(await authenticateApiToken(ctx.db, `Bearer ${token}`)).toBeNull();
    expect(await listNamedApiTokens(ctx.db, a.orgId)).toEqual([]);
    expect(await ctx.db.prisma.auditLog.count({ where: { orgId: a.orgId, action: "api_token.revoke" } })).toBe(1);
    await expect(revokeNamedToken(ctx, a.admin, { tokenId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("survive a regeneration of the main token, which cannot be revoked as a named one", async () => {
    const { orgId, admin, apiToken } = await orgWithAdmin();
    const { token } = await createNamedToken(ctx, admin, { name: "producer", scopes: ["events:write"] });
    await regenerateApiToken(ctx, admin);
    expect(await authenticateApiToken(ctx.db, `Bearer ${token}`)).toMatchObject({ orgId });
    expect(await authenticateApiToken(ctx.db, `Bearer ${apiToken}`)).toBeNull();

    const main = await ctx.db.prisma.apiToken.findFirstOrThrow({ where: { orgId, revokedAt: null, name: "default" } });
    await expect(revokeNamedToken(ctx, admin, { tokenId: main.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("need a name and known scopes", () => {
    expect(createNamedTokenSchema.safeParse({ name: " ", scopes: ["events:write"] }).success).toBe(false);
    expect(createNamedTokenSchema.safeParse({ name: "x", scopes: [] }).success).toBe(false);
    expect(createNamedTokenSchema.safeParse({ name: "x", scopes: ["root"] }).success).toBe(false);
    expect(
      createNamedTokenSchema.parse({ name: " x ", scopes: ["webhooks:read", "events:write", "events:write"] }),
    ).toEqual({ name: "x", scopes: ["events:write", "webhooks:read"] });
  });
});
