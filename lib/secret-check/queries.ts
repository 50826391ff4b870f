import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import type { SecretVerification } from "./verify-new-secret";

/** The Signing tab's read: the latest Verify new secret outcome of the current secret, if any. */
export async function readSecretVerification(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { webhookId: string },
): Promise<SecretVerification | null> {
  const { orgId } = authorize(caller, "webhook.read");
  const current = await db.prisma.signingSecret.findFirst({
    where: { webhookId: input.webhookId, webhook: { orgId }, expiresAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { verification: true },
  });
  return (current?.verification as SecretVerification | null | undefined) ?? null;
}
