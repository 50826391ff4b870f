import type { Prisma } from "@prisma/client";
import { auditActor, type AnyCaller } from "../auth/caller";
import { newId } from "../ids";

/** One audit row; who did it is named from the caller (`auditActor`), never written by hand. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: {
    orgId: string;
    actor: AnyCaller;
    action: string;
    targetType: string;
    targetId: string;
    details?: Prisma.InputJsonObject;
  },
): Promise<void> {
  const { actor, ...rest } = entry;
  await tx.auditLog.create({
    data: { id: newId("aud"), ...rest, actor: auditActor(actor), details: entry.details ?? {} },
  });
}
