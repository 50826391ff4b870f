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

const queues = new Map<string, Promise<unknown>>();

/** A turn this process holds: when it was taken (this process's clock) and the webhook's interval. */
export type RateTurn = { db: Db; webhookId: string; intervalMs: number; takenAt: number };

/**
 * A turn held longer than a quarter of an interval (20 ms at least) is stale: this process waited
 * for the CPU, or built its first request slowly, and the request would reach the receiver late,
 * together with the next turn's. It is let go and a fresh one taken, as often as it takes for up
 * to 50 turns (10 s at 5 per second), so under load the webhook is sent below its rate, not above
 * it; only a process starved of the CPU for that long sends on a stale turn, rather than never. (3
 * retakes were too few: on a machine loaded with test runs, 2 workers at 5/s sent 7 in a second.)
 * The rest of the interval is left for delays after the check (connecting, the receiver's own).
 * Measured on this process's own clock from when the granting statement was sent: the database's
 * clock need not agree with it.
 */
const STALE_RETRIES = 50;
const STALE_FLOOR_MS = 20;

/** Resolves when this attempt may start: the webhook's turn is taken, now, for it. */
export function waitForRateSlot(db: Db, webhookId: string, perSecond: number): Promise<RateTurn> {
  const previous = queues.get(webhookId) ?? Promise.resolve();
  const turn: RateTurn = { db, webhookId, intervalMs: 1000 / perSecond, takenAt: 0 };
  const taken = previous.then(async () => {
    await takeFreshTurn(turn);
    return turn;
  });
  // The queue goes on after a failed turn (the attempt reports its own error).
  const tail = taken.catch(() => {});
  queues.set(webhookId, tail);
  void tail.then(() => {
    if (queues.get(webhookId) === tail) queues.delete(webhookId);
  });
  return taken;
}

/** Called just before the request goes out: takes a fresh turn if the one held has gone stale. */
export async function keepTurnFresh(turn: RateTurn): Promise<void> {
  for (let i = 0; i < STALE_RETRIES && isStale(turn); i++) await takeTurn(turn);
}

async function takeFreshTurn(turn: RateTurn): Promise<void> {
  await takeTurn(turn);
  for (let i = 0; i < STALE_RETRIES && isStale(turn); i++) await takeTurn(turn);
}

function isStale(turn: RateTurn): boolean {
  return performance.now() - turn.takenAt > Math.max(turn.intervalMs / 4, STALE_FLOOR_MS);
}

/** Asks the database until the turn is granted; `takenAt` is when the granting statement was sent. */
async function takeTurn(turn: RateTurn): Promise<void> {
  for (;;) {
    const asked = performance.now();
    const { rows } = await turn.db.pool.query<{ wait_ms: number; granted: boolean }>(TAKE_TURN_SQL, [
      turn.webhookId,
      turn.intervalMs / 1000,
    ]);
    if (rows[0]?.granted) {
      turn.takenAt = asked;
      return;
    }
    // Not granted: sleep until the turn is due (a row not yet visible to this statement: one interval).
    const wait = rows[0] ? Number(rows[0].wait_ms) : turn.intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 1)));
  }
}
