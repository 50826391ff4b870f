import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorCaller } from "../auth/caller";
import { findSessionUser } from "../auth/sessions";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createConsoleLink } from "./create-link";
import { LINK_REFUSED, redeemConsoleLink } from "./redeem-link";

// One-time console sign-in links: used once, then refused; refused after they expire; the user is
// made on first use in the link's org; only a hash of the token is stored.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function link(
  orgId: string,
  email: string,
  options: { role?: "admin" | "viewer"; expiresIn?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const made = await createConsoleLink({ db: ctx.db, now: () => now }, operatorCaller("opt_test", orgId), {
    email,
    role: options.role ?? "admin",
    expires_in: options.expiresIn ?? 900,
    baseUrl: "https://console.example.test",
  });
  return { ...made, token: made.url.split("/").at(-1)! };
}

describe("console links", () => {
  it("signs a new user in once, into the link's org with its role, then refuses the same link", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const now = new Date("2030-05-01T10:00:00Z");
    const made = await link(orgId, "New.Person@Example.test", { now });
    expect(made.url).toMatch(/^https:\/\/console\.example\.test\/console-link\/nvcl_/);
    expect(made.expires_at).toBe("2030-05-01T10:15:00.000Z");
    const stored = await ctx.db.prisma.consoleLink.findFirstOrThrow({ where: { orgId } });
    expect(stored.tokenHash).not.toContain(made.token);

    const first = await redeemConsoleLink(ctx.db, made.token, { sessionHours: 1, now });
    expect(first.ok).toBe(true);
    const user = await findSessionUser(ctx.db, first.ok ? first.token : undefined, now);
    expect(user).toMatchObject({ email: "new.person@example.test", orgId, role: "admin" });

    expect(await redeemConsoleLink(ctx.db, made.token, { sessionHours: 1, now })).toEqual({
      ok: false,
      message: LINK_REFUSED,
    });
  });

  it("refuses an expired link and creates no user", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const now = new Date("2030-05-01T10:00:00Z");
    const made = await link(orgId, "late@example.test", { now, expiresIn: 60 });
    const later = new Date(now.getTime() + 61_000);
    expect(await redeemConsoleLink(ctx.db, made.token, { sessionHours: 1, now: later })).toMatchObject({ ok: false });
    expect(await ctx.db.prisma.user.count({ where: { email: "late@example.test" } })).toBe(0);
  });

  it("signs an existing member in as themselves, and refuses an email of another org", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const other = await createTestOrg(ctx.db, ctx.cipher);
    const member = await createTestUser(ctx.db, orgId, "viewer");
    const outsider = await createTestUser(ctx.db, other.orgId, "admin");

    const mine = await redeemConsoleLink(ctx.db, (await link(orgId, member.email)).token, { sessionHours: 1 });
    expect(await findSessionUser(ctx.db, mine.ok ? mine.token : undefined)).toMatchObject({ id: member.id });

    const theirs = await redeemConsoleLink(ctx.db, (await link(orgId, outsider.email)).token, { sessionHours: 1 });
    expect(theirs.ok).toBe(false);
  });

  it("refuses an unknown token", async () => {
    expect((await redeemConsoleLink(ctx.db, "nvcl_not-a-real-token", { sessionHours: 1 })).ok).toBe(false);
  });
});
