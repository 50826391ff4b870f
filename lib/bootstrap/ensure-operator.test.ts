import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateOperatorToken } from "../auth/operator-tokens";
import { hashToken } from "../auth/tokens";
import { verifyPassword } from "../auth/passwords";
import { createTestContext, type TestContext } from "../testing/test-database";
import { ensureOperator } from "./ensure-operator";
import { runFirstRun } from "./first-run";

// The platform's operator at start: a token kept only as a hash (given or generated once), and a
// console account next to the first org's admin.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe("the operator at start", () => {
  it("generates a token once, stores only its hash, and makes the console account in the first org", async () => {
    const first = await runFirstRun(ctx.db, ctx.cipher, { adminPassword: "admin-password" });
    const setup = await ensureOperator(ctx.db, { password: "operator-password" });
    expect(setup.generatedToken).toMatch(/^nvop_/);
    expect(setup.accountEmail).toBe("operator@novavms.local");
    expect(setup.generatedPassword).toBeUndefined();

    const stored = await ctx.db.prisma.operatorToken.findMany();
    expect(stored.map((t) => t.tokenHash)).toEqual([hashToken(setup.generatedToken!)]);
    expect(JSON.stringify(stored)).not.toContain(setup.generatedToken!.slice(5));
    expect(await authenticateOperatorToken(ctx.db, `Bearer ${setup.generatedToken}`)).toBe(stored[0].id);

    const account = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "operator@novavms.local" } });
    expect(account).toMatchObject({ isOperator: true, orgId: first.created ? first.orgId : "" });
    expect(await verifyPassword(account.passwordHash, "operator-password")).toBe(true);

    // A restart makes nothing new; a configured token is added and works.
    expect(await ensureOperator(ctx.db)).toEqual({});
    const configured = "nvop_configured-token-0123456789";
    await ensureOperator(ctx.db, { token: configured });
    expect(await authenticateOperatorToken(ctx.db, `Bearer ${configured}`)).not.toBeNull();
    expect(await authenticateOperatorToken(ctx.db, "Bearer nvop_wrong")).toBeNull();
    expect(await ctx.db.prisma.user.count({ where: { isOperator: true } })).toBe(1);
  });
});
