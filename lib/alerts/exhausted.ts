import type { Db } from "../db/client";
import { emitOperationalEvent } from "./emit";
import { EXHAUSTED_BATCH_MS } from "./types";

/**
 * A delivery of the webhook became Failed. Sends delivery.exhausted at most once per webhook per
 * 15 minutes: the first failure after a quiet window is reported at once, with the failures held
 * back since the previous report counted in. Returns the count reported, or 0 when held back.
 */
export async function noteDeliveryExhausted(
  db: Db,
  input: { orgId: string; webhookId: string; at: Date },
): Promise<number> {
  const count = await db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO exhaustion_alerts (webhook_id, last_sent_at, suppressed) VALUES ($1, 'epoch', 0)
       ON CONFLICT (webhook_id) DO NOTHING`,
      input.webhookId,
    );
    const [row] = await tx.$queryRawUnsafe<Array<{ last_sent_at: Date; suppressed: number }>>(
      `SELECT last_sent_at, suppressed FROM exhaustion_alerts WHERE webhook_id = $1 FOR UPDATE`,
      input.webhookId,
    );
    if (input.at.getTime() - row.last_sent_at.getTime() < EXHAUSTED_BATCH_MS) {
      await tx.exhaustionAlert.update({
        where: { webhookId: input.webhookId },
        data: { suppressed: { increment: 1 } },
      });
      return 0;
    }
    await tx.exhaustionAlert.update({
      where: { webhookId: input.webhookId },
      data: { lastSentAt: input.at, suppressed: 0 },
    });
    return row.suppressed + 1;
  });
  if (count === 0) return 0;
  const webhook = await db.prisma.webhook.findUnique({ where: { id: input.webhookId }, select: { url: true } });
  await emitOperationalEvent(
    db,
    {
      orgId: input.orgId,
      type: "delivery.exhausted",
      data: { webhook_id: input.webhookId, url: webhook?.url ?? null, count, since: input.at.toISOString() },
      sourceWebhookId: input.webhookId,
    },
    input.at,
  );
  return count;
}
