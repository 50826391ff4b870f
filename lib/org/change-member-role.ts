import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { lockOrg } from "./lock";
import { assertAnotherAdmin, assertStillAdmin } from "./member-guards";
import type { ChangeRoleInput } from "./schemas";

/** A member of the caller's org gets another role; the last admin cannot be demoted. */
export async function changeMemberRole(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: ChangeRoleInput,
): Promise<void> {
  const { orgId } = authorize(caller, "member.change_role");
  await db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, orgId);
    await assertStillAdmin(tx, caller);
    if (input.role !== "admin") await assertAnotherAdmin(tx, orgId, input.userId);
    const { count } = await tx.user.updateMany({ where: { id: input.userId, orgId }, data: { role: input.role } });
    if (count === 0) throw new NotFoundError("Member");
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "member.role_change",
      targetType: "user",
      targetId: input.userId,
      details: { role: input.role },
    });
  });
}
