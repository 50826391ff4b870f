import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActor } from "../auth/caller";
import { signIn } from "../auth/sign-in";
import { AppError } from "../errors";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createOrgAdmin } from "../testing/org-fixtures";
import { listMembers } from "./queries";
import { addMember } from "./add-member";
import { EMAIL_TAKEN } from "./member-guards";
import { addMemberSchema } from "./schemas";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe("adding a member", () => {
  it("adds a member who can then sign in with the initial password, and audits it", async () => {
    const admin = await createOrgAdmin(ctx.db, ctx.cipher);
    const input = addMemberSchema.parse({
      email: " New.Person@Example.test ",
      name: "New Person",
      role: "viewer",
      password: "initial-pass",
    });
    const { id } = await addMember(ctx, admin, input);

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
      { actor: auditActor(admin), targetId: id, details: { email: "new.person@example.test", role: "viewer" } },
    ]);
  });

  it("rejects an email already used in any org with an inline field error", async () => {
    const adminA = await createOrgAdmin(ctx.db, ctx.cipher);
    const adminB = await createOrgAdmin(ctx.db, ctx.cipher);
    const error = await addMember(ctx, adminB, {
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
});
