import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../auth/sign-in";
import { createSession, findSessionUser } from "../auth/sessions";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { addMember, changeMemberRole, EMAIL_TAKEN, LAST_ADMIN, removeMember } from "./members";
import { listMembers } from "./queries";
import { addMemberSchema } from "./schemas";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function orgWithAdmin() {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  return createTestUser(ctx.db, orgId, "admin");
}

describe("member management", () => {
  it("adds a member who can then sign in with the initial password, and audits it", async () => {
    const admin = await orgWithAdmin();
    const input = addMemberSchema.parse({
      email: " New.Person@Example.test ",
      name: "New Person",
      role: "viewer",
      password: "initial-pass",
    });
    const { id } = await addMember(ctx.db, admin, input);

    const members = await listMembers(ctx.db, admin.orgId);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [admin.email, "admin"],
      ["new.person@example.test", "viewer"],
    ]);
    const signedIn = await signIn(
      ctx.db,
      { email: "new.person@example.test", password: "initial-pass", clientAddress: null },
      { sessionHours: 1 },
    );
    expect(signedIn.ok).toBe(true);
    const audit = await ctx.db.prisma.auditLog.findMany({ where: { orgId: admin.orgId, action: "member.add" } });
    expect(audit).toMatchObject([
      { actor: `user:${admin.id}`, targetId: id, details: { email: "new.person@example.test", role: "viewer" } },
    ]);
  });

  it("rejects an email already used in any org with an inline field error", async () => {
    const adminA = await orgWithAdmin();
    const adminB = await orgWithAdmin();
    const error = await addMember(ctx.db, adminB, {
      email: adminA.email,
      name: "",
      role: "viewer",
      password: "long-enough",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", message: EMAIL_TAKEN, fields: { email: EMAIL_TAKEN } });
  });

  it("validates the form: email, role and a password of at least 8 characters", () => {
    const result = addMemberSchema.safeParse({ email: "nope", name: "", role: "owner", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["email", "role", "password"]));
  });

  it("changes a role and refuses to demote the last admin, even oneself", async () => {
    const admin = await orgWithAdmin();
    const viewer = await createTestUser(ctx.db, admin.orgId, "viewer");

    await expect(changeMemberRole(ctx.db, admin, { userId: admin.id, role: "viewer" })).rejects.toThrow(LAST_ADMIN);
    await changeMemberRole(ctx.db, admin, { userId: viewer.id, role: "admin" });
    // With a second admin, the first may step down.
    await changeMemberRole(ctx.db, admin, { userId: admin.id, role: "viewer" });
    const roles = Object.fromEntries((await listMembers(ctx.db, admin.orgId)).map((m) => [m.id, m.role]));
    expect(roles).toEqual({ [admin.id]: "viewer", [viewer.id]: "admin" });
    expect(await ctx.db.prisma.auditLog.count({ where: { orgId: admin.orgId, action: "member.role_change" } })).toBe(2);
  });

  it("removes a member (and their sessions) but never the last admin", async () => {
    const admin = await orgWithAdmin();
    const viewer = await createTestUser(ctx.db, admin.orgId, "viewer");
    const { token } = await createSession(ctx.db, viewer.id, { hours: 1 });

    const lastAdmin = await removeMember(ctx.db, admin, admin.id).catch((e) => e);
    expect(lastAdmin).toBeInstanceOf(ConflictError);
    expect(lastAdmin.message).toBe(LAST_ADMIN);

    await removeMember(ctx.db, admin, viewer.id);
    expect((await listMembers(ctx.db, admin.orgId)).map((m) => m.id)).toEqual([admin.id]);
    expect(await findSessionUser(ctx.db, token)).toBeNull();
  });

  it("two admins demoting each other at once leave one admin, not none", async () => {
    const a = await orgWithAdmin();
    const b = await createTestUser(ctx.db, a.orgId, "admin");
    const results = await Promise.allSettled([
      changeMemberRole(ctx.db, a, { userId: b.id, role: "viewer" }),
      changeMemberRole(ctx.db, b, { userId: a.id, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await listMembers(ctx.db, a.orgId)).filter((m) => m.role === "admin");
    expect(admins).toHaveLength(1);
  });

  it("an admin of org B cannot change, remove or see org A's member, even with its id", async () => {
    const adminA = await orgWithAdmin();
    const viewerA = await createTestUser(ctx.db, adminA.orgId, "viewer");
    const adminB = await orgWithAdmin();

    await expect(changeMemberRole(ctx.db, adminB, { userId: viewerA.id, role: "admin" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(removeMember(ctx.db, adminB, viewerA.id)).rejects.toBeInstanceOf(NotFoundError);
    // Org A is untouched, and nothing of it was audited under org B.
    const members = await listMembers(ctx.db, adminA.orgId);
    expect(members.find((m) => m.id === viewerA.id)?.role).toBe("viewer");
    expect((await listMembers(ctx.db, adminB.orgId)).map((m) => m.id)).toEqual([adminB.id]);
    expect(await ctx.db.prisma.auditLog.count({ where: { targetId: viewerA.id } })).toBe(0);
  });

  it("refuses every change from a viewer's session", async () => {
    const admin = await orgWithAdmin();
    const viewer = await createTestUser(ctx.db, admin.orgId, "viewer");
    const session = await findSessionUser(ctx.db, (await createSession(ctx.db, viewer.id, { hours: 1 })).token);

    await expect(
      addMember(ctx.db, session!, { email: "x@example.test", name: "", role: "admin", password: "12345678" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(ctx.db, session!, { userId: viewer.id, role: "admin" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(removeMember(ctx.db, session!, admin.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listMembers(ctx.db, admin.orgId)).map((m) => [m.id, m.role])).toEqual([
      [admin.id, "admin"],
      [viewer.id, "viewer"],
    ]);
  });

  it("refuses an admin whose role was taken away after the session was read", async () => {
    const admin = await orgWithAdmin();
    const other = await createTestUser(ctx.db, admin.orgId, "admin");
    const staleActor = { id: admin.id, orgId: admin.orgId, role: "admin" as const };
    await changeMemberRole(ctx.db, other, { userId: admin.id, role: "viewer" });
    await expect(removeMember(ctx.db, staleActor, other.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
