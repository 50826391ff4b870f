import type { Prisma } from "@prisma/client";
import { newId } from "../ids";

export type AuditEntry = {
  orgId: string;
  actorUserId: string;
  action: string;
  targetType: string;
  targetId: string;
  details?: Prisma.InputJsonObject;
};

/** One audit_logs row, written in the same transaction as the change it records. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newId("aud"),
      orgId: entry.orgId,
      actor: `user:${entry.actorUserId}`,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      details: entry.details ?? {},
    },
  });
}
