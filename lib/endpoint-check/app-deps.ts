import type { AppContext } from "../context";
import { getProcessSender } from "../delivery/process-sender";
import type { CheckDeps } from "./run-check";

/** Check endpoint with this process's transport and settings, as the API and the console run it. */
export function checkDepsOf(app: AppContext): CheckDeps {
  return {
    db: app.db,
    cipher: app.cipher,
    send: getProcessSender(app.config).send,
    timeoutMs: app.config.deliveryTimeoutMs,
    allowPrivateNetworks: app.config.allowPrivateNetworks,
    certWarningDays: app.config.certWarningDays,
  };
}
