import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { ForbiddenError } from "../errors";
import { userCaller } from "./caller";
import { authorize } from "./policy";
import { createSession, deleteExpiredSessions, deleteSession, findSessionUser, sessionCookieOptions } from "./sessions";
import { hashToken } from "./tokens";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function orgWithUser(role: "admin" | "viewer" = "admin") {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher, "Acme");
  return createTestUser(ctx.db, orgId, role);
}

describe("console sessions", () => {
  it("stores only the SHA-256 of a 256-bit token and finds the user, org and role by it", async () => {
    const user = await orgWithUser("admin");
    const now = new Date("2026-11-01T10:00:00Z");
    const { token, expiresAt } = await createSession(ctx.db, user.id, { now, hours: 12 });

    expect(token).toMatch(/^nvs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice("nvs_".length), "base64url")).toHaveLength(32);
    expect(expiresAt.toISOString()).toBe("2026-11-01T22:00:00.000Z");
    const rows = await ctx.db.prisma.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    const found = await findSessionUser(ctx.db, token, new Date("2026-11-01T11:00:00Z"));
    expect(found).toEqual({
      id: user.id,
      email: user.email,
      name: "admin",
      role: "admin",
      orgId: user.orgId,
      orgName: "Acme",
      isOperator: false,
      actingInOrg: false,
    });
  });

  it("refuses a missing, unknown or tampered token", async () => {
    const user = await orgWithUser();
    const { token } = await createSession(ctx.db, user.id, { hours: 1 });
    expect(await findSessionUser(ctx.db, undefined)).toBeNull();
    expect(await findSessionUser(ctx.db, "nvs_unknown")).toBeNull();
    expect(await findSessionUser(ctx.db, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await findSessionUser(ctx.db, token)).not.toBeNull();
  });

  it("expires at the absolute expiry, however active the session was", async () => {
    const user = await orgWithUser();
    const start = new Date("2026-11-01T00:00:00Z");
    const { token } = await createSession(ctx.db, user.id, { now: start, hours: 2 });
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

    for (const minute of [10, 60, 119]) expect(await findSessionUser(ctx.db, token, at(minute))).not.toBeNull();
    expect(await findSessionUser(ctx.db, token, at(120))).toBeNull();
    expect(await findSessionUser(ctx.db, token, at(121))).toBeNull();

    expect(await deleteExpiredSessions(ctx.db, at(121))).toBeGreaterThanOrEqual(1);
    expect(await ctx.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sign-out deletes the row, so the same cookie no longer signs anyone in", async () => {
    const user = await orgWithUser();
    const first = await createSession(ctx.db, user.id, { hours: 1 });
    const second = await createSession(ctx.db, user.id, { hours: 1 });
    await deleteSession(ctx.db, first.token);
    expect(await findSessionUser(ctx.db, first.token)).toBeNull();
    // Other devices of the same user stay signed in.
    expect(await findSessionUser(ctx.db, second.token)).not.toBeNull();
  });

  it("reads the role from the database on every request, so a demotion applies at once", async () => {
    const user = await orgWithUser("admin");
    const { token } = await createSession(ctx.db, user.id, { hours: 1 });
    await ctx.db.prisma.user.update({ where: { id: user.id }, data: { role: "viewer" } });
    const found = await findSessionUser(ctx.db, token);
    expect(found?.role).toBe("viewer");
    expect(() => authorize(userCaller(found!), "webhook.update")).toThrow(ForbiddenError);
  });

  it("a viewer's session is refused an admin action with ForbiddenError, an admin's passes", async () => {
    const viewer = await orgWithUser("viewer");
    const admin = await orgWithUser("admin");
    const viewerUser = await findSessionUser(ctx.db, (await createSession(ctx.db, viewer.id, { hours: 1 })).token);
    const adminUser = await findSessionUser(ctx.db, (await createSession(ctx.db, admin.id, { hours: 1 })).token);
    expect(() => authorize(userCaller(viewerUser!), "webhook.update")).toThrow(ForbiddenError);
    expect(authorize(userCaller(adminUser!), "webhook.update")).toEqual(userCaller(adminUser!));
  });

  it("sets the cookie httpOnly, SameSite=Lax, path /, secure only over https", () => {
    const expires = new Date("2026-11-02T00:00:00Z");
    expect(sessionCookieOptions(expires, false)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: false,
      expires,
    });
    expect(sessionCookieOptions(expires, true).secure).toBe(true);
  });
});
