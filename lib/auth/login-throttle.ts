import type { Db } from "../db/client";

// Failed sign-ins are counted per email and per client address in `login_throttles`. After
// `maxFailures` inside `windowMs` the key is blocked for `blockMs`; while blocked, even a correct
// password is refused, so guessing cannot continue at full speed against one account or from
// one address.

export type ThrottlePolicy = { maxFailures: number; windowMs: number; blockMs: number };

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number; message: string };

/** The throttle keys of one sign-in attempt. */
export function throttleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (clientAddress) keys.push(`ip:${clientAddress}`);
  return keys;
}

/** Blocked when any of the keys is blocked now; the longest remaining block wins. */
export async function checkLoginThrottle(db: Db, keys: string[], now = new Date()): Promise<ThrottleVerdict> {
  const rows = await db.prisma.loginThrottle.findMany({
    where: { key: { in: keys }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until > now.getTime() ? blockedVerdict(until - now.getTime()) : { blocked: false };
}

/**
 * Counts one failure against every key, in one statement per key so that concurrent attempts
 * cannot lose a count. Returns the verdict after counting: the failure that reaches the limit
 * already reports the block.
 */
export async function recordLoginFailure(
  db: Db,
  keys: string[],
  now = new Date(),
  policy = LOGIN_THROTTLE,
): Promise<ThrottleVerdict> {
  const windowFloor = new Date(now.getTime() - policy.windowMs);
  const blockUntil = new Date(now.getTime() + policy.blockMs);
  for (const key of keys) {
    // A window older than windowMs starts over at 1; reaching maxFailures sets blocked_until.
    await db.prisma.$executeRaw`
      INSERT INTO login_throttles (key, failures, window_start, blocked_until)
      VALUES (${key}, 1, ${now}, ${policy.maxFailures <= 1 ? blockUntil : null})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttles.window_start <= ${windowFloor} THEN 1 ELSE login_throttles.failures + 1 END,
        window_start = CASE WHEN login_throttles.window_start <= ${windowFloor} THEN ${now} ELSE login_throttles.window_start END,
        blocked_until = CASE
          WHEN (CASE WHEN login_throttles.window_start <= ${windowFloor} THEN 1 ELSE login_throttles.failures + 1 END) >= ${policy.maxFailures}
          THEN ${blockUntil}
          ELSE login_throttles.blocked_until
        END`;
  }
  return checkLoginThrottle(db, keys, now);
}

/** A successful sign-in forgets the account's failures (the address keeps its count). */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.prisma.loginThrottle.deleteMany({ where: { key: throttleKeys(email, null)[0] } });
}

function blockedVerdict(remainingMs: number): ThrottleVerdict {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return {
    blocked: true,
    retryAfterSeconds: Math.ceil(remainingMs / 1000),
    message: `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
  };
}
