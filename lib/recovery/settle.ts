import type { Db } from "../db/client";

/**
 * Items left `sending` by a worker that died (their lease expired; a live worker renews the leases
 * of its attempts in flight) are taken over. When the recovery's attempt of the delivery was
 * recorded before the worker died, its outcome settles the item: it is never attempted again. When
 * none was recorded the item goes back to `pending` and is claimed like any other, so a crash
 * loses nothing; a request that was on the wire but not yet recorded reaches the receiver twice
 * (same delivery id and `webhook-id`), recorded once. Returns how many items were taken over.
 */
export async function sweepInterrupted(db: Db, now: Date): Promise<number> {
  const { rowCount } = await db.pool.query(
    `WITH stale AS (
       SELECT i.recovery_id, i.delivery_id, r.created_at FROM recovery_items i
         JOIN recoveries r ON r.id = i.recovery_id
        WHERE (r.finished_at IS NULL OR r.finished_at > $1::timestamptz - interval '1 day')
          AND i.state = 'sending' AND i.lease_expires_at <= $1
        FOR UPDATE OF i SKIP LOCKED
     ), outcome AS (
       SELECT s.recovery_id, s.delivery_id, a.request_id,
              CASE WHEN a.request_id IS NULL THEN 'pending'
                   WHEN a.error_code IS NULL THEN 'succeeded' ELSE 'failed' END AS state
         FROM stale s LEFT JOIN LATERAL (
           SELECT da.request_id, da.error_code FROM delivery_attempts da
            WHERE da.delivery_id = s.delivery_id AND da.trigger = 'recovery' AND da.started_at >= s.created_at
            ORDER BY da.number DESC LIMIT 1
         ) a ON true
     )
     UPDATE recovery_items i
        SET state = o.state::"RecoveryItemState", request_id = o.request_id, lease_owner = NULL, lease_expires_at = NULL
       FROM outcome o
      WHERE i.recovery_id = o.recovery_id AND i.delivery_id = o.delivery_id AND i.state = 'sending'`,
    [now],
  );
  return rowCount ?? 0;
}

/** Extends the leases of this worker's items in flight, so only a dead worker's items expire. */
export async function renewItemLeases(db: Db, options: { workerId: string; now: Date; leaseMs: number }) {
  await db.pool.query(
    `UPDATE recovery_items SET lease_expires_at = $2::timestamptz + make_interval(secs => $3::double precision / 1000)
      WHERE lease_owner = $1 AND state = 'sending'`,
    [options.workerId, options.now, options.leaseMs],
  );
}

/** Marks running recoveries with nothing left to send as completed; returns them. */
export async function completeFinished(
  db: Db,
  now: Date,
): Promise<Array<{ id: string; orgId: string; webhookId: string | null }>> {
  const { rows } = await db.pool.query<{ id: string; org_id: string; webhook_id: string | null }>(
    `UPDATE recoveries r SET status = 'completed', finished_at = $1
      WHERE r.status = 'running'
        AND NOT EXISTS (SELECT 1 FROM recovery_items i WHERE i.recovery_id = r.id AND i.state IN ('pending', 'sending'))
      RETURNING r.id, r.org_id, r.webhook_id`,
    [now],
  );
  return rows.map((row) => ({ id: row.id, orgId: row.org_id, webhookId: row.webhook_id }));
}
