import type { AppContext } from "../context";
import type { Send } from "../transport/types";
import { announceRecoveryCompleted } from "../alerts/recovery-completed";
import { createRecoveryRunner, type RecoveryRunner } from "./runner";

/** The recovery runner of a worker process, configured from the process's settings. */
export function startRecoveryRunner(context: AppContext, send: Send): RecoveryRunner {
  const { config } = context;
  return createRecoveryRunner({
    db: context.db,
    cipher: context.cipher,
    send,
    log: context.log,
    concurrency: config.recoveryConcurrency,
    // Half an endpoint's slots: live deliveries to a recovering endpoint keep the other half.
    endpointConcurrency: Math.max(1, Math.floor(config.endpointConcurrency / 2)),
    leaseMs: config.leaseSeconds * 1000,
    autoDisableAfterMs: config.autoDisableAfterMs,
    onCompleted: (recovery) => announceRecoveryCompleted(context.db, recovery),
  });
}
