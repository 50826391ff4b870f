import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userCaller } from "../auth/caller";
import { createSession, findSessionUser } from "../auth/sessions";
import { ConflictError, ForbiddenError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createOrgAdmin, createTestCaller } from "../testing/org-fixtures";
import { listMembers } from "./queries";
import { addMember } from "./add-member";
import { changeMemberRole } from "./change-member-role";
import { LAST_ADMIN } from "./member-guards";
import { removeMember } from "./remove-member";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe("removing a member", () => {
  it("removes a member (and their sessions) but never the last admin", async () => {
    const admin = await createOrgAdmin(ctx.db, ctx.cipher);
    const viewer = await createTestCaller(ctx.db, admin.orgId, "viewer");
    const { token } = await createSession(ctx.db, viewer.id, { hours: 1 });

    const lastAdmin = await removeMember(ctx, admin, { userId: admin.id }).catch((e) => e);
    expect(lastAdmin).toBeInstanceOf(ConflictError);
    expect(lastAdmin.message).toBe(LAST_ADMIN);

    await removeMember(ctx, admin, { userId: viewer.id });
    expect((await listMembers(ctx.db, admin.orgId)).map((m) => m.id)).toEqual([admin.id]);
    expect(await findSessionUser(ctx.db, token)).toBeNull();
  });

  it("refuses every change from a viewer's session", async () => {
    const admin = await createOrgAdmin(ctx.db, ctx.cipher);
    const viewer = await createTestCaller(ctx.db, admin.orgId, "viewer");
    const session = await findSessionUser(ctx.db, (await createSession(ctx.db, viewer.id, { hours: 1 })).token);

    await expect(
      addMember(ctx, userCaller(session!), { email: "x@example.test", name: "", role: "admin", password: "12345678" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeMemberRole(ctx, userCaller(session!), { userId: viewer.id, role: "admin" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeMember(ctx, userCaller(session!), { userId: admin.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listMembers(ctx.db, admin.orgId)).map((m) => [m.id, m.role])).toEqual([
      [admin.id, "admin"],
      [viewer.id, "viewer"],
    ]);
  });

  it("refuses an admin whose role was taken away after the session was read", async () => {
    const admin = await createOrgAdmin(ctx.db, ctx.cipher);
    const other = await createTestCaller(ctx.db, admin.orgId, "admin");
    const staleActor = { kind: "user" as const, id: admin.id, orgId: admin.orgId, role: "admin" as const };
    await changeMemberRole(ctx, other, { userId: admin.id, role: "viewer" });
    await expect(removeMember(ctx, staleActor, { userId: other.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
