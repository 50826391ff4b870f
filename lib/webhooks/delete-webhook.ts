import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";

/** Deletes a webhook of the caller's org with its secrets, deliveries and attempts. */
export async function deleteWebhook(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { webhookId: string },
): Promise<void> {
  const { orgId } = authorize(caller, "webhook.delete");
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id: input.webhookId, orgId } });
    if (count === 0) throw new NotFoundError("Webhook");
    // Items of org-wide recoveries that pointed at its deliveries (its own recoveries cascade).
    await tx.recoveryItem.deleteMany({ where: { webhookId: input.webhookId } });
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "webhook.delete",
      targetType: "webhook",
      targetId: input.webhookId,
    });
  });
}
