import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createOrgAdmin, createTestCaller } from "../testing/org-fixtures";
import { listMembers } from "./queries";
import { changeMemberRole } from "./change-member-role";
import { LAST_ADMIN } from "./member-guards";
import { removeMember } from "./remove-member";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe("changing a member's role", () => {
  it("changes a role and refuses to demote the last admin, even oneself", async () => {
    const admin = await createOrgAdmin(ctx.db, ctx.cipher);
    const viewer = await createTestCaller(ctx.db, admin.orgId, "viewer");

    await expect(changeMemberRole(ctx, admin, { userId: admin.id, role: "viewer" })).rejects.toThrow(LAST_ADMIN);
    await changeMemberRole(ctx, admin, { userId: viewer.id, role: "admin" });
    // With a second admin, the first may step down.
    await changeMemberRole(ctx, admin, { userId: admin.id, role: "viewer" });
    const roles = Object.fromEntries((await listMembers(ctx.db, admin.orgId)).map((m) => [m.id, m.role]));
    expect(roles).toEqual({ [admin.id]: "viewer", [viewer.id]: "admin" });
    expect(await ctx.db.prisma.auditLog.count({ where: { orgId: admin.orgId, action: "member.role_change" } })).toBe(2);
  });

  it("two admins demoting each other at once leave one admin, not none", async () => {
    const a = await createOrgAdmin(ctx.db, ctx.cipher);
    const b = await createTestCaller(ctx.db, a.orgId, "admin");
    const results = await Promise.allSettled([
      changeMemberRole(ctx, a, { userId: b.id, role: "viewer" }),
      changeMemberRole(ctx, b, { userId: a.id, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await listMembers(ctx.db, a.orgId)).filter((m) => m.role === "admin");
    expect(admins).toHaveLength(1);
  });

  it("an admin of org B cannot change, remove or see org A's member, even with its id", async () => {
    const adminA = await createOrgAdmin(ctx.db, ctx.cipher);
    const viewerA = await createTestCaller(ctx.db, adminA.orgId, "viewer");
    const adminB = await createOrgAdmin(ctx.db, ctx.cipher);

    await expect(changeMemberRole(ctx, adminB, { userId: viewerA.id, role: "admin" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(removeMember(ctx, adminB, { userId: viewerA.id })).rejects.toBeInstanceOf(NotFoundError);
    // Org A is untouched, and nothing of it was audited under org B.
    const members = await listMembers(ctx.db, adminA.orgId);
    expect(members.find((m) => m.id === viewerA.id)?.role).toBe("viewer");
    expect((await listMembers(ctx.db, adminB.orgId)).map((m) => m.id)).toEqual([adminB.id]);
    expect(await ctx.db.prisma.auditLog.count({ where: { targetId: viewerA.id } })).toBe(0);
  });
});
