"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asCaller, requireCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import type { ActionState } from "@/lib/forms/action-state";
import { cancelRecovery } from "@/lib/recovery/cancel";
import { createRecovery } from "@/lib/recovery/create";
import type { RecoveryView } from "@/lib/recovery/queries";
import { readRecovery } from "@/lib/recovery/read-recoveries";
import { createRecoveryInput } from "@/lib/recovery/schemas";

// The console's Recover failed deliveries: a dry run for the count, the start, the progress the
// bar polls, and Cancel. Who may start, cancel and watch is the policy table's recovery.* rows.

export type RecoveryActionResult =
  (ActionState & { status: "error" }) | { status: "ok"; count?: number; recovery?: RecoveryView };

const recoveryId = z.string().min(1).max(64);

export async function countRecoveryAction(request: unknown): Promise<RecoveryActionResult> {
  const parsed = createRecoveryInput.safeParse({ ...(request as object), dry_run: true });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0].message };
  return asCaller(async (caller) => {
    const result = await createRecovery(getAppContext(), caller, parsed.data);
    return { status: "ok" as const, count: result.dryRun ? result.count : 0 };
  }) as Promise<RecoveryActionResult>;
}

export async function startRecoveryAction(request: unknown): Promise<RecoveryActionResult> {
  const parsed = createRecoveryInput.safeParse({ ...(request as object), dry_run: false });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0].message };
  return asCaller(async (caller) => {
    const result = await createRecovery(getAppContext(), caller, parsed.data);
    if (parsed.data.webhook_id) revalidatePath(`/webhooks/${parsed.data.webhook_id}`);
    return { status: "ok" as const, recovery: result.dryRun ? undefined : result.recovery };
  }) as Promise<RecoveryActionResult>;
}

export async function recoveryProgressAction(id: string): Promise<RecoveryView | null> {
  const parsed = recoveryId.safeParse(id);
  if (!parsed.success) return null;
  const caller = await requireCaller();
  return readRecovery(getAppContext(), caller, { recoveryId: parsed.data }).catch(() => null);
}

export async function cancelRecoveryAction(id: string): Promise<RecoveryActionResult> {
  const parsed = recoveryId.safeParse(id);
  if (!parsed.success) return { status: "error", message: "Not a recovery id." };
  return asCaller(async (caller) => {
    const recovery = await cancelRecovery(getAppContext(), caller, { recoveryId: parsed.data });
    return { status: "ok" as const, recovery };
  }) as Promise<RecoveryActionResult>;
}
