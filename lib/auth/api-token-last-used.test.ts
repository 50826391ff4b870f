import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { authenticateApiToken } from "./api-tokens";

// Settings shows when the org's API token was last used: written by authentication, at most
// once a minute per token.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

async function lastUsed(orgId: string): Promise<Date | null> {
  return (await ctx.db.prisma.apiToken.findFirstOrThrow({ where: { orgId } })).lastUsedAt;
}

describe("api_tokens.last_used_at", () => {
  it("is written on use, then at most once a minute", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    expect(await lastUsed(orgId)).toBeNull();
    const auth = await authenticateApiToken(ctx.db, `Bearer ${apiToken}`);
    expect(auth?.orgId).toBe(orgId);
    const first = await lastUsed(orgId);
    expect(first).toBeInstanceOf(Date);
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);

    await ctx.db.pool.query("UPDATE api_tokens SET last_used_at = now() - interval '30 seconds' WHERE org_id = $1", [
      orgId,
    ]);
    const recent = await lastUsed(orgId);
    await authenticateApiToken(ctx.db, `Bearer ${apiToken}`);
    expect(await lastUsed(orgId)).toEqual(recent);

    await ctx.db.pool.query("UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE org_id = $1", [
      orgId,
    ]);
    const stale = await lastUsed(orgId);
    await authenticateApiToken(ctx.db, `Bearer ${apiToken}`);
    expect((await lastUsed(orgId))!.getTime()).toBeGreaterThan(stale!.getTime() + 60_000);
  });

  it("is not written for an unknown token", async () => {
    expect(await authenticateApiToken(ctx.db, "Bearer nvms_unknown_token_value_123456")).toBeNull();
  });
});
