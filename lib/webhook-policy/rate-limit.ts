import type { Db } from "../db/client";

// The per-webhook rate limit, held by the database so every worker process shares it.
// `next_at` is the earliest moment the webhook's next attempt may start. An attempt takes the
// turn only when that moment has come, and in the same atomic statement moves it 1/rate seconds
// past the database's clock; otherwise it sleeps until then and asks again. Turns are granted at
// the moment of sending, never reserved ahead: a wait that ends late (a busy event loop, a slow
// answer from the database) costs that attempt its turn instead of bunching it up with the next
// one's. Granted starts are at least 1/rate apart, so a 1-second window holds `rate` of them, one
// more at most when the network delays them unevenly.
//
// Within one process the attempts of a webhook queue up behind each other, so only one of them
// at a time asks the database (no herd of waiters polling it at every turn).

const TAKE_TURN_SQL = `WITH granted AS (
    INSERT INTO rate_limit_slots (webhook_id, next_at)
    VALUES ($1, clock_timestamp() + make_interval(secs => $2::double precision))
    ON CONFLICT (webhook_id) DO UPDATE
      SET next_at = clock_timestamp() + make_interval(secs => $2::double precision)
      WHERE rate_limit_slots.next_at <= clock_timestamp()
    RETURNING 0::double precision AS wait_ms
  )
  SELECT wait_ms, true AS granted FROM granted
  UNION ALL
  SELECT extract(epoch FROM (s.next_at - clock_timestamp())) * 1000, false FROM rate_limit_slots s
   WHERE s.webhook_id = $1 AND NOT EXISTS (SELECT 1 FROM granted)`;

const queues = new Map<string, Promise<void>>();

/** Resolves when this attempt may start: the webhook's turn is taken, now, for it. */
export function waitForRateSlot(db: Db, webhookId: string, perSecond: number): Promise<void> {
  const previous = queues.get(webhookId) ?? Promise.resolve();
  const turn = previous.then(() => takeTurn(db, webhookId, 1 / perSecond));
  // The queue goes on after a failed turn (the attempt reports its own error).
  const tail = turn.catch(() => {});
  queues.set(webhookId, tail);
  void tail.then(() => {
    if (queues.get(webhookId) === tail) queues.delete(webhookId);
  });
  return turn;
}

async function takeTurn(db: Db, webhookId: string, intervalSeconds: number): Promise<void> {
  for (;;) {
    const { rows } = await db.pool.query<{ wait_ms: number; granted: boolean }>(TAKE_TURN_SQL, [
      webhookId,
      intervalSeconds,
    ]);
    if (rows[0]?.granted) return;
    // Not granted: sleep until the turn is due (a row not yet visible to this statement: one interval).
    const wait = rows[0] ? Number(rows[0].wait_ms) : intervalSeconds * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 1)));
  }
}
