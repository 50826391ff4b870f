import { recordAudit, type Actor } from "../audit/record";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import { getRecovery, type RecoveryView } from "./queries";

/**
 * Cancels a running recovery: the workers claim none of its items from now on; attempts already
 * made (and those on the wire) stay. Cancelling a finished recovery changes nothing.
 */
export async function cancelRecovery(
  db: Db,
  orgId: string,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<RecoveryView> {
  await db.prisma.$transaction(async (tx) => {
    const recovery = await tx.recovery.findFirst({ where: { id, orgId }, select: { status: true } });
    if (!recovery) throw new NotFoundError("Recovery");
    const { count } = await tx.recovery.updateMany({
      where: { id, orgId, status: "running" },
      data: { status: "cancelled", finishedAt: now },
    });
    if (count > 0) {
      await recordAudit(tx, { orgId, actor, action: "recovery.cancel", targetType: "recovery", targetId: id });
    }
  });
  return getRecovery(db, orgId, id);
}
