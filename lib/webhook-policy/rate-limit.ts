import type { Db } from "../db/client";

// The per-webhook rate limit, held by the database so every worker process shares it: each
// attempt reserves the webhook's next free slot (1/rate seconds after the previous one) in one
// atomic upsert on the database's clock, then waits for it. Slots are evenly spaced, so no
// 1-second window holds more than `rate` attempts, however many workers there are.

const RESERVE_SQL = `INSERT INTO rate_limit_slots (webhook_id, next_at)
  VALUES ($1, clock_timestamp() + make_interval(secs => $2::double precision))
  ON CONFLICT (webhook_id) DO UPDATE
    SET next_at = greatest(rate_limit_slots.next_at, clock_timestamp()) + make_interval(secs => $2::double precision)
  RETURNING extract(epoch FROM (next_at - clock_timestamp())) * 1000 - $2::double precision * 1000 AS wait_ms`;

/** Reserves the webhook's next slot and resolves when it starts. */
export async function waitForRateSlot(db: Db, webhookId: string, perSecond: number): Promise<void> {
  const { rows } = await db.pool.query<{ wait_ms: number }>(RESERVE_SQL, [webhookId, 1 / perSecond]);
  const wait = Number(rows[0]?.wait_ms ?? 0);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
