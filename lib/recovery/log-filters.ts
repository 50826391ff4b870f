import { LOG_RANGES, type LogParams } from "../delivery-log/log-params";

/** What the console's Recover button sends: the log's current filters as a recovery request. */
export type RecoveryRequest = {
  webhook_id?: string;
  since: string;
  until?: string;
  statuses: Array<"failed" | "retrying">;
  event_types?: string[];
};

/**
 * The log's view as a recovery: its webhook, event type and time range (all time when none), and
 * its status when that is Failed or Retrying (Failed otherwise: those are what a recovery is for).
 */
export function recoveryRequestFromLog(params: LogParams, webhookId: string | undefined, now: Date): RecoveryRequest {
  const ms = LOG_RANGES[params.range].ms;
  const since = ms === null ? (params.since ?? new Date(0)) : new Date(now.getTime() - ms);
  return {
    ...(webhookId ? { webhook_id: webhookId } : {}),
    since: since.toISOString(),
    ...(params.until ? { until: params.until.toISOString() } : {}),
    statuses: params.status === "retrying" ? ["retrying"] : ["failed"],
    ...(params.eventType ? { event_types: [params.eventType] } : {}),
  };
}
