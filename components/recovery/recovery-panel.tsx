import {
  cancelRecoveryAction,
  countRecoveryAction,
  recoveryProgressAction,
  startRecoveryAction,
} from "@/app/(console)/deliveries/recovery-actions";
import type { Caller } from "@/lib/auth/caller";
import { isAllowed } from "@/lib/auth/policy";
import { getAppContext } from "@/lib/context";
import type { ParsedLogParams } from "@/lib/delivery-log/log-params";
import { recoveryRequestFromLog } from "@/lib/recovery/log-filters";
import { readRunningRecovery } from "@/lib/recovery/read-recoveries";
import { RecoverButton } from "./recover-button";

/** The delivery log's Recover failed deliveries (who may start a recovery), with the current filters as its scope. */
export async function RecoveryPanel({
  caller,
  view,
  webhook,
}: {
  caller: Caller;
  view: ParsedLogParams;
  webhook?: { id: string; url: string };
}) {
  if (!isAllowed(caller, "recovery.create") || !view.ok) return null;
  const running = await readRunningRecovery(getAppContext(), caller, { webhookId: webhook?.id });
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
