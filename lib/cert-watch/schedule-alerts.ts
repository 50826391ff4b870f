import type { AppContext } from "../context";
import { isDatabaseUnavailable } from "../db/failure-kind";
import { runPeriodically } from "../startup/periodic";
import { raiseCertificateAlerts } from "./expiry-alert";

const EVERY_MS = 10 * 60_000;

/**
 * Runs the certificate expiry alert pass in the worker shortly after start and then every 10
 * minutes (one statement when nothing is due). Several workers may run it: the claim keeps each
 * alert to one of them.
 */
export function startCertificateAlerts(context: AppContext, options: { everyMs?: number; firstAfterMs?: number } = {}) {
  return runPeriodically(
    () =>
      raiseCertificateAlerts(context.db, { warningDays: context.config.certWarningDays, now: context.now() })
        .then((alerted) => {
          if (alerted.length > 0) context.log.info({ webhooks: alerted }, "certificate expiry alerts sent");
        })
        .catch((error) => {
          if (!isDatabaseUnavailable(error)) context.log.error({ err: error }, "certificate expiry alert pass failed");
        }),
    { firstAfterMs: options.firstAfterMs ?? 30_000, everyMs: options.everyMs ?? EVERY_MS },
  );
}
