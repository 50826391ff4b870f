import type { Db } from "../db/client";

// The per-webhook rate limit, held by the database so every worker process shares it.
//
// `next_at` is the earliest moment the webhook's next turn may be granted. A turn is granted only
// when that moment has come, and the grant *holds* the webhook (moves `next_at` HOLD_SECONDS ahead)
// until its attempt starts. The attempt's sender reports the moment its request started, and the
// release sets `next_at` to that start plus 1/rate: the next grant, in any worker, comes at least
// one interval after this start, and its own start after its grant. So the starts of a webhook's
// attempts (`started_at`) are at least 1/rate apart whatever happens between a grant and its
// start: a worker kept off the CPU, a slow connection pool, a garbage collection. Nothing is
// reserved ahead: a turn is asked for when the attempt is ready to send.
//
// The price: one webhook's turns follow each other start to start, two statements apart, so a
// webhook gets at most one attempt per two round trips to the database whatever its limit
// (hundreds per second on loopback). A worker that dies holding a turn delays its webhook by
// HOLD_SECONDS at most; the hold then lapses and the release of a turn that lapsed changes nothing.
//
// Within one process the attempts of a webhook queue up behind each other, so only one of them
// at a time asks the database (no herd of waiters polling it at every turn).

const HOLD_SECONDS = 10;

const TAKE_TURN_SQL = `WITH granted AS (
    INSERT INTO rate_limit_slots (webhook_id, next_at)
    VALUES ($1, clock_timestamp() + make_interval(secs => ${HOLD_SECONDS}))
    ON CONFLICT (webhook_id) DO UPDATE
      SET next_at = clock_timestamp() + make_interval(secs => ${HOLD_SECONDS})
      WHERE rate_limit_slots.next_at <= clock_timestamp()
    RETURNING next_at
  )
  SELECT 0::double precision AS wait_ms, next_at::text AS held_until FROM granted
  UNION ALL
  SELECT extract(epoch FROM (s.next_at - clock_timestamp())) * 1000, NULL FROM rate_limit_slots s
   WHERE s.webhook_id = $1 AND NOT EXISTS (SELECT 1 FROM granted)`;

// The start is placed on the database's clock as "now minus the time since it started" (measured
// on this process's monotonic clock), so the two machines' clocks need not agree. Only the hold
// this turn was granted is released: after a lapse, another worker's hold is left alone.
const RELEASE_SQL = `UPDATE rate_limit_slots
    SET next_at = clock_timestamp() - make_interval(secs => $3::double precision) + make_interval(secs => $4::double precision)
  WHERE webhook_id = $1 AND next_at = $2::timestamptz`;

const queues = new Map<string, Promise<unknown>>();

/** A turn this process holds, until `releaseTurn` says when its attempt started. */
export type RateTurn = {
  db: Db;
  webhookId: string;
  intervalMs: number;
  heldUntil: string;
  /** The release, once asked for: every later call answers with it. */
  release?: Promise<Error | undefined>;
};

/** Resolves when this attempt may start: the webhook's turn is granted to it and held for it. */
export function waitForRateSlot(db: Db, webhookId: string, perSecond: number): Promise<RateTurn> {
  const previous = queues.get(webhookId) ?? Promise.resolve();
  const taken = previous.then(() => takeTurn(db, webhookId, 1000 / perSecond));
  // The queue goes on after a failed turn (the attempt reports its own error).
  const tail = taken.catch(() => {});
  queues.set(webhookId, tail);
  void tail.then(() => {
    if (queues.get(webhookId) === tail) queues.delete(webhookId);
  });
  return taken;
}

/**
 * Lets the webhook's next turn come one interval after this attempt's start, `startedAt` on
 * `performance.now()`'s clock (now, when the attempt never started). Once per turn: later calls
 * answer with the first one's outcome. Never rejects: it answers with the error when the
 * database could not be told (the hold then lapses by itself).
 */
export function releaseTurn(turn: RateTurn, startedAt = performance.now()): Promise<Error | undefined> {
  if (turn.release) return turn.release;
  const sinceStartSeconds = Math.max(0, performance.now() - startedAt) / 1000;
  turn.release = turn.db.pool
    .query(RELEASE_SQL, [turn.webhookId, turn.heldUntil, sinceStartSeconds, turn.intervalMs / 1000])
    .then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
  return turn.release;
}

/** Asks the database until the turn is granted. */
async function takeTurn(db: Db, webhookId: string, intervalMs: number): Promise<RateTurn> {
  for (;;) {
    const { rows } = await db.pool.query<{ wait_ms: number; held_until: string | null }>(TAKE_TURN_SQL, [webhookId]);
    const heldUntil = rows[0]?.held_until;
    if (heldUntil) return { db, webhookId, intervalMs, heldUntil };
    // Not granted. A wait longer than an interval is another attempt's hold, released when that
    // attempt starts (moments from now): ask again after a quarter interval. A shorter one is the
    // time until the turn is due. No row visible to this statement yet: one interval.
    const wait = rows[0] ? Number(rows[0].wait_ms) : intervalMs;
    const sleep = wait > intervalMs ? Math.max(intervalMs / 4, 5) : wait;
    await new Promise((resolve) => setTimeout(resolve, Math.max(sleep, 1)));
  }
}
