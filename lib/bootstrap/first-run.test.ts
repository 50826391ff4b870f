import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authenticateApiToken } from "../auth/api-tokens";
import { verifyPassword } from "../auth/passwords";
import { createTestContext, type TestContext } from "../testing/test-database";
import { runFirstRun } from "./first-run";

let ctx: TestContext;
beforeEach(async () => (ctx = await createTestContext()));
afterEach(() => ctx.close());

describe("first run", () => {
  it("creates an org, an admin and an API token on an empty database, with generated credentials", async () => {
    const result = await runFirstRun(ctx.db, ctx.cipher);
    if (!result.created) throw new Error("expected the first run to create the org");
    expect(result.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect(result.generatedApiToken).toMatch(/^nvms_[\w-]{43}$/);

    const admin = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "admin@novavms.local" } });
    expect(admin).toMatchObject({ orgId: result.orgId, role: "admin" });
    expect(admin.passwordHash).not.toContain(result.generatedPassword);
    expect(await verifyPassword(admin.passwordHash, result.generatedPassword!)).toBe(true);
    expect(await authenticateApiToken(ctx.db, `Bearer ${result.generatedApiToken}`)).toMatchObject({
      orgId: result.orgId,
    });

    const stored = await ctx.db.prisma.apiToken.findFirstOrThrow();
    expect(stored.tokenHash).not.toBe(result.generatedApiToken);
    expect(stored.tokenEncrypted).not.toContain(result.generatedApiToken!.slice(5));
    expect(ctx.cipher.decrypt(stored.tokenEncrypted!)).toBe(result.generatedApiToken);
    expect(stored.scopes).toEqual(["all"]);
  });

  it("keeps what exists on the next start", async () => {
    const first = await runFirstRun(ctx.db, ctx.cipher);
    expect(await runFirstRun(ctx.db, ctx.cipher, { adminEmail: "other@example.com" })).toEqual({ created: false });
    expect(await ctx.db.prisma.org.findMany({ select: { id: true } })).toEqual([{ id: first.created && first.orgId }]);
    expect(await ctx.db.prisma.user.count()).toBe(1);
  });

  it("uses NOVAVMS_ADMIN_EMAIL, NOVAVMS_ADMIN_PASSWORD and NOVAVMS_API_TOKEN when given", async () => {
    const apiToken = "nvms_given_token_0123456789abcdef";
    const result = await runFirstRun(ctx.db, ctx.cipher, {
      adminEmail: "Ops@Example.com",
      adminPassword: "correct horse battery",
      apiToken,
    });
    expect(result).toMatchObject({
      created: true,
      adminEmail: "ops@example.com",
      generatedPassword: undefined,
      generatedApiToken: undefined,
    });
    const admin = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(await verifyPassword(admin.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(admin.passwordHash, "wrong")).toBe(false);
    expect(await authenticateApiToken(ctx.db, `Bearer ${apiToken}`)).not.toBeNull();
    expect(await authenticateApiToken(ctx.db, "Bearer nvms_wrong")).toBeNull();
  });

  it("creates one org when two processes start at once", async () => {
    const results = await Promise.all([runFirstRun(ctx.db, ctx.cipher), runFirstRun(ctx.db, ctx.cipher)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await ctx.db.prisma.org.count()).toBe(1);
  });
});
