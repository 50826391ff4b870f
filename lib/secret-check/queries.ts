import type { Db } from "../db/client";
import type { SecretVerification } from "./verify-new-secret";

/** The Signing tab's read: the latest Verify new secret outcome of the current secret, if any. */
export async function getSecretVerification(
  db: Db,
  orgId: string,
  webhookId: string,
): Promise<SecretVerification | null> {
  const current = await db.prisma.signingSecret.findFirst({
    where: { webhookId, webhook: { orgId }, expiresAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { verification: true },
  });
  return (current?.verification as SecretVerification | null | undefined) ?? null;
}
