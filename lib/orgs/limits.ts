import type { Prisma } from "@prisma/client";
import type { Db } from "../db/client";
import { RateLimitedError } from "../errors";

// Per-org limits, so one customer cannot starve the rest: how many webhooks an org may have and
// how many events per second it may send. Both are columns of the org, set by the operator.

/** The default of `orgs.max_webhooks`. */
export const DEFAULT_MAX_WEBHOOKS = 50;

/** How long a process trusts the events-per-second limit it read (another process may change it). */
const LIMIT_CACHE_MS = 5_000;
const cachedLimits = new Map<string, { eventsPerSecond: number | null; readAt: number }>();

/** Drops this process's copy of an org's limits (after the operator changed them). */
export function forgetOrgLimits(orgId: string): void {
  cachedLimits.delete(orgId);
}

/**
 * Refuses a new webhook once the org has `max_webhooks` of them. Takes the org's row lock, so two
 * creations at once cannot both pass the count.
 */
export async function assertWebhookLimit(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  const [org] = await tx.$queryRaw<Array<{ max_webhooks: number }>>`
    SELECT max_webhooks FROM orgs WHERE id = ${orgId} FOR UPDATE`;
  if (!org) return;
  const count = await tx.webhook.count({ where: { orgId } });
  if (count >= org.max_webhooks) {
    throw new RateLimitedError(
      `This organisation has reached its limit of ${org.max_webhooks} webhooks; delete one or ask for a higher limit.`,
      3_600,
    );
  }
}

/**
 * Counts `events` (one, or a batch's) against the org's events-per-second limit and refuses them
 * (429, retry after 1 s) over the limit. Orgs without a limit (the default) cost no query beyond a cached read every few
 * seconds. The count lives in the database, so every web process shares it.
 */
export async function enforceEventRate(db: Db, orgId: string, now: Date, events = 1): Promise<void> {
  const limit = await eventsPerSecond(db, orgId, now.getTime());
  if (limit === null) return;
  const second = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const { rows } = await db.pool.query<{ count: number }>(
    `INSERT INTO org_rate_windows (org_id, window_start, count) VALUES ($1, $2, $3)
     ON CONFLICT (org_id) DO UPDATE SET
       count = CASE WHEN org_rate_windows.window_start = EXCLUDED.window_start
                    THEN org_rate_windows.count + EXCLUDED.count ELSE EXCLUDED.count END,
       window_start = EXCLUDED.window_start
     RETURNING count`,
    [orgId, second, events],
  );
  if (rows[0].count > limit) {
    throw new RateLimitedError(`This organisation may send ${limit} events per second; retry after a second.`, 1);
  }
}

async function eventsPerSecond(db: Db, orgId: string, nowMs: number): Promise<number | null> {
  const cached = cachedLimits.get(orgId);
  if (cached && nowMs - cached.readAt < LIMIT_CACHE_MS && nowMs >= cached.readAt) return cached.eventsPerSecond;
  const { rows } = await db.pool.query<{ events_per_second: number | null }>(
    "SELECT events_per_second FROM orgs WHERE id = $1",
    [orgId],
  );
  const value = rows[0]?.events_per_second ?? null;
  cachedLimits.set(orgId, { eventsPerSecond: value, readAt: nowMs });
  return value;
}
