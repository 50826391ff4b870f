import type { Db } from "../db/client";
import { getRecovery } from "../recovery/queries";
import { emitOperationalEvent } from "./emit";

/** recovery.completed, with the recovery's outcome, to the org's alert destinations. */
export async function announceRecoveryCompleted(
  db: Db,
  recovery: { id: string; orgId: string; webhookId: string | null },
): Promise<void> {
  const view = await getRecovery(db, recovery.orgId, recovery.id);
  await emitOperationalEvent(db, {
    orgId: recovery.orgId,
    type: "recovery.completed",
    data: {
      recovery_id: view.id,
      webhook_id: view.webhook_id,
      total: view.total,
      succeeded: view.succeeded,
      failed: view.failed,
      finished_at: view.finished_at,
    },
    sourceWebhookId: recovery.webhookId,
  });
}
