import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { getRecovery, type RecoveryView } from "./queries";

/**
 * Cancels a running recovery: the workers claim none of its items from now on; attempts already
 * made (and those on the wire) stay. Cancelling a finished recovery changes nothing.
 */
export async function cancelRecovery(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: { recoveryId: string },
): Promise<RecoveryView> {
  const { orgId } = authorize(caller, "recovery.cancel");
  const id = input.recoveryId;
  await db.prisma.$transaction(async (tx) => {
    const recovery = await tx.recovery.findFirst({ where: { id, orgId }, select: { status: true } });
    if (!recovery) throw new NotFoundError("Recovery");
    const { count } = await tx.recovery.updateMany({
      where: { id, orgId, status: "running" },
      data: { status: "cancelled", finishedAt: now() },
    });
    if (count > 0) {
      await recordAudit(tx, { orgId, actor: caller, action: "recovery.cancel", targetType: "recovery", targetId: id });
    }
  });
  return getRecovery(db, orgId, id);
}
