"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { replayDelivery } from "@/lib/attempts/replay";
import { describeReplay, type ReplayState } from "@/lib/delivery-log/replay-outcome";
import { formFields } from "@/lib/forms/action-state";

const replayInput = z.object({ deliveryId: z.string().min(1, "Which delivery?").max(64, "Not a delivery id.") });

/**
 * Replay from the console: lib/ refuses a viewer (a forged call gets the inline refusal) and
 * another org's delivery ("not found"), then the log and the detail are revalidated so the new
 * attempt shows at the top of both.
 */
export async function replayDeliveryAction(_previous: ReplayState, formData: FormData): Promise<ReplayState> {
  const parsed = replayInput.safeParse(formFields(formData, ["deliveryId"]));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0].message };
  return asCaller(async (caller) => {
    const { attempt, delivery } = await replayDelivery(getAppContext(), caller, parsed.data);
    revalidatePath(`/deliveries/${delivery.id}`);
    revalidatePath("/deliveries");
    revalidatePath(`/webhooks/${delivery.webhook_id}`, "layout");
    return { status: "ok", outcome: describeReplay(attempt) };
  });
}
