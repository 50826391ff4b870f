import { announceDeliveriesDue } from "../dispatch/wake";
import { ConflictError, NotFoundError } from "../errors";
import { newId } from "../ids";
import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";

export const TEST_EVENT_TYPE = "webhook.test";

/**
 * "Send test event": a `webhook.test` event delivered to this one enabled webhook only (whatever
 * its event types), signed and retried like any other. Returns the new delivery's id.
 */
export async function sendTestEvent(
  ctx: Pick<AppContext, "db" | "now">,
  caller: Caller,
  request: { webhookId: string },
) {
  const { orgId } = authorize(caller, "webhook.test_event");
  const { db } = ctx;
  const now = ctx.now();
  const input = { ...request, orgId, actor: caller };
  const eventId = newId("evt");
  const deliveryId = newId("dlv");
  const body = Buffer.from(
    JSON.stringify({
      id: eventId,
      type: TEST_EVENT_TYPE,
      created_at: now.toISOString(),
      data: { message: "A test event sent from the NovaVMS console." },
    }),
  );
  await db.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.findFirst({
      where: { id: input.webhookId, orgId: input.orgId },
      select: { id: true, enabled: true },
    });
    if (!webhook) throw new NotFoundError("Webhook");
    // A disabled webhook receives nothing, test events included.
    if (!webhook.enabled) throw new ConflictError("This webhook is disabled: enable it to send a test event.");
    await tx.event.create({ data: { id: eventId, orgId: input.orgId, type: TEST_EVENT_TYPE, body, createdAt: now } });
    await tx.delivery.create({
      data: {
        id: deliveryId,
        orgId: input.orgId,
        webhookId: webhook.id,
        eventId,
        eventType: TEST_EVENT_TYPE,
        nextAttemptAt: now,
        createdAt: now,
        activityAt: now,
      },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.actor,
      action: "webhook.test_event",
      targetType: "webhook",
      targetId: webhook.id,
    });
  });
  await announceDeliveriesDue(db);
  return { eventId, deliveryId };
}
