import type { DeliveryStatus } from "@prisma/client";
import type { Db } from "../db/client";
import { DELIVERY_ERROR_CODE } from "../delivery/reasons";
import type { OutgoingRequest, SendResult } from "../delivery/types";
import { newId } from "../ids";

export type AttemptRecord = {
  deliveryId: string;
  orgId: string;
  webhookId: string;
  requestId: string;
  trigger: "scheduled" | "manual";
  request: OutgoingRequest;
  result: SendResult;
  /**
   * The delivery's new state. For a scheduled attempt it applies only while this worker still
   * holds the lease and the delivery is unsettled; for a manual one only on success.
   */
  next: { status: DeliveryStatus; nextAttemptAt: Date | null } | null;
  workerId?: string;
};

/**
 * Writes the attempt and the delivery's new state in one statement. The attempt is always kept,
 * even when the state change no longer applies (a Replay succeeded meanwhile, the lease expired):
 * the request did reach the receiver, and the log must say so. Returns the attempt's number.
 */
export async function recordAttempt(db: Db, attempt: AttemptRecord): Promise<number> {
  const { result, request } = attempt;
  const failed = !result.ok;
  // Every parameter must appear in the SQL for PostgreSQL to type it, hence the `$16` in each branch.
  const applies =
    attempt.next === null
      ? "(false AND $16::text IS NULL)"
      : attempt.trigger === "scheduled"
        ? "(lease_owner = $16::text AND status IN ('pending', 'retrying'))"
        : "($16::text IS NULL OR true)";
  const { rows } = await db.pool.query<{ number: number }>(
    `WITH bump AS (
       UPDATE deliveries SET
         attempt_count = attempt_count + 1,
         scheduled_attempts = scheduled_attempts + CASE WHEN ${applies} THEN $17::int ELSE 0 END,
         activity_at = $5,
         last_request_id = $3, last_status_code = $8, last_error_code = $11, last_reason = $12, last_duration_ms = $6,
         status = CASE WHEN ${applies} THEN $14::"DeliveryStatus" ELSE status END,
         next_attempt_at = CASE WHEN ${applies} THEN $15::timestamptz ELSE next_attempt_at END,
         lease_owner = CASE WHEN ${applies} THEN NULL ELSE lease_owner END,
         lease_expires_at = CASE WHEN ${applies} THEN NULL ELSE lease_expires_at END
       WHERE id = $1
       RETURNING attempt_count, org_id, webhook_id
     )
     INSERT INTO delivery_attempts (id, delivery_id, org_id, webhook_id, request_id, number, trigger, url, started_at,
       duration_ms, request_headers, response_status, response_headers, response_body, response_body_truncated,
       error_code, reason, message)
     SELECT $2, $1, bump.org_id, bump.webhook_id, $3, bump.attempt_count, $4::"AttemptTrigger", $18, $5,
       $6, $7, $8, $9, $10, $19, $11, $12, $13
       FROM bump
     RETURNING number`,
    [
      attempt.deliveryId,
      newId("att"),
      attempt.requestId,
      attempt.trigger,
      result.startedAt,
      result.durationMs,
      JSON.stringify(request.headers),
      result.status,
      result.headers === null ? null : JSON.stringify(result.headers),
      result.body,
      failed ? DELIVERY_ERROR_CODE : null,
      result.failure?.reason ?? null,
      result.failure?.message ?? null,
      attempt.next?.status ?? "pending",
      attempt.next?.nextAttemptAt ?? null,
      attempt.workerId ?? null,
      attempt.trigger === "scheduled" ? 1 : 0,
      request.url,
      result.bodyTruncated,
    ],
  );
  return rows[0]?.number ?? 0;
}
