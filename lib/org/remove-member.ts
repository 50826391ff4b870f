import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { lockOrg } from "./lock";
import { assertAnotherAdmin, assertStillAdmin } from "./member-guards";

/** Removes a member of the caller's org, signing them out everywhere; never the last admin. */
export async function removeMember(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { userId: string },
): Promise<void> {
  const { orgId } = authorize(caller, "member.remove");
  await db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, orgId);
    await assertStillAdmin(tx, caller);
    await assertAnotherAdmin(tx, orgId, input.userId);
    // Sessions go with the user (ON DELETE CASCADE): a removed member is signed out everywhere.
    const { count } = await tx.user.deleteMany({ where: { id: input.userId, orgId } });
    if (count === 0) throw new NotFoundError("Member");
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "member.remove",
      targetType: "user",
      targetId: input.userId,
    });
  });
}
