"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asAdmin } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { replayDelivery } from "@/lib/attempts/replay";
import { describeReplay, type ReplayState } from "@/lib/delivery-log/replay-outcome";
import { getProcessSender } from "@/lib/transport/process-sender";
import { formFields } from "@/lib/forms/action-state";

const replayInput = z.object({ deliveryId: z.string().min(1, "Which delivery?").max(64, "Not a delivery id.") });

/**
 * Replay from the console: admins only (a viewer's forged call gets the inline refusal), for a
 * delivery of the admin's own org (another org's id is "not found"), then the log and the detail
 * are revalidated so the new attempt shows at the top of both.
 */
export async function replayDeliveryAction(_previous: ReplayState, formData: FormData): Promise<ReplayState> {
  const parsed = replayInput.safeParse(formFields(formData, ["deliveryId"]));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0].message };
  return asAdmin(async (admin) => {
    const { config, db, cipher } = getAppContext();
    const { attempt, delivery } = await replayDelivery(
      { db, cipher, send: getProcessSender(config).send },
      { orgId: admin.orgId, deliveryId: parsed.data.deliveryId, actor: `user:${admin.id}` },
    );
    revalidatePath(`/deliveries/${delivery.id}`);
    revalidatePath("/deliveries");
    revalidatePath(`/webhooks/${delivery.webhook_id}`, "layout");
    return { status: "ok", outcome: describeReplay(attempt) };
  });
}
