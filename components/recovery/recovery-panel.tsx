import {
  cancelRecoveryAction,
  countRecoveryAction,
  recoveryProgressAction,
  startRecoveryAction,
} from "@/app/(console)/deliveries/recovery-actions";
import type { SessionUser } from "@/lib/auth/sessions";
import { getAppContext } from "@/lib/context";
import type { ParsedLogParams } from "@/lib/deliveries/log-params";
import { recoveryRequestFromLog } from "@/lib/recovery/log-filters";
import { findRunningRecovery } from "@/lib/recovery/queries";
import { RecoverButton } from "./recover-button";

/** The delivery log's Recover failed deliveries (admins), with the current filters as its scope. */
export async function RecoveryPanel({
  user,
  view,
  webhook,
}: {
  user: SessionUser;
  view: ParsedLogParams;
  webhook?: { id: string; url: string };
}) {
  if (user.role !== "admin" || !view.ok) return null;
  const running = await findRunningRecovery(getAppContext().db, user.orgId, webhook?.id);
  return (
    <RecoverButton
      request={recoveryRequestFromLog(view.params, webhook?.id, new Date())}
      target={webhook?.url ?? "every webhook"}
      running={running}
      actions={{
        count: countRecoveryAction,
        start: startRecoveryAction,
        progress: recoveryProgressAction,
        cancel: cancelRecoveryAction,
      }}
    />
  );
}
