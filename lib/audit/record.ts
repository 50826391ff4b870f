import type { Prisma } from "@prisma/client";
import { newId } from "../ids";

/** Who did it: "user:<id>", "token:<id>" or "system". */
export type Actor = string;

export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: {
    orgId: string;
    actor: Actor;
    action: string;
    targetType: string;
    targetId: string;
    details?: Prisma.InputJsonObject;
  },
): Promise<void> {
  await tx.auditLog.create({ data: { id: newId("aud"), ...entry, details: entry.details ?? {} } });
}
