import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { findRunningRecovery, getRecovery, listRecoveries, type RecoveryView } from "./queries";

/** One recovery of the caller's org with its progress. */
export async function readRecovery(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { recoveryId: string },
): Promise<RecoveryView> {
  const { orgId } = authorize(caller, "recovery.read");
  return getRecovery(db, orgId, input.recoveryId);
}

/** The caller's org's recoveries, newest first. */
export async function readRecoveries(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  query: { limit: number; cursor?: string; webhook_id?: string },
) {
  const { orgId } = authorize(caller, "recovery.read");
  return listRecoveries(db, orgId, query);
}

/** The running recovery covering the webhook (or the org-wide one), if any. */
export async function readRunningRecovery(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { webhookId?: string },
): Promise<RecoveryView | null> {
  const { orgId } = authorize(caller, "recovery.read");
  return findRunningRecovery(db, orgId, input.webhookId);
}
