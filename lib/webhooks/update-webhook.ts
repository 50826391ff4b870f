import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { auditPolicy, changesPolicy, enabledChange, policyData } from "../webhook-policy/webhook-data";
import type { UpdateWebhookInput } from "./schemas";

/**
 * Changes a webhook of the caller's org. Disabling parks its queued deliveries (no next attempt
 * time); enabling makes the parked ones due now, so nothing queued is lost either way.
 */
export async function updateWebhook(
  { db, cipher, now }: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
  input: { webhookId: string; changes: UpdateWebhookInput },
) {
  const { orgId } = authorize(caller, "webhook.update");
  const { webhookId: id, changes } = input;
  if (changesPolicy(changes)) authorize(caller, "webhook.policy.update");
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, orgId },
      data: {
        url: changes.url,
        description: changes.description,
        eventTypes: changes.event_types,
        enabled: changes.enabled,
        ...enabledChange(changes.enabled, now()),
        ...policyData(cipher, changes),
      },
    });
    if (count === 0) throw new NotFoundError("Webhook");
    if (changes.enabled === false) {
      await tx.delivery.updateMany({
        where: { webhookId: id, orgId, status: { in: ["pending", "retrying"] } },
        data: { nextAttemptAt: null },
      });
    } else if (changes.enabled === true) {
      await tx.delivery.updateMany({
        where: { webhookId: id, orgId, status: { in: ["pending", "retrying"] }, nextAttemptAt: null },
        data: { nextAttemptAt: now() },
      });
    }
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "webhook.update",
      targetType: "webhook",
      targetId: id,
      details: { ...changes, ...auditPolicy(changes) },
    });
    return tx.webhook.findUniqueOrThrow({ where: { id } });
  });
}
