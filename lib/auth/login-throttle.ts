import type { Db } from "../db/client";

// Failed sign-ins are counted per email and per client address in `login_throttles`. A client
// address with `maxFailures` inside `windowMs` is blocked for `blockMs`; while blocked, even a
// correct password is refused. An account is never blocked (anyone could lock its owner out by
// failing five times): its failures slow every later attempt down instead, doubling from
// `accountDelay.baseMs` up to `accountDelay.maxMs`, and the right password still gets in.

export type ThrottlePolicy = {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
  /** Per-account slowdown: free attempts, then a delay doubling from baseMs to maxMs. */
  accountDelay: { freeFailures: number; baseMs: number; maxMs: number };
};

export const LOGIN_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
  accountDelay: { freeFailures: 3, baseMs: 500, maxMs: 8_000 },
};

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
    // Only addresses are blocked; an account's count only sets its slowdown (accountDelayMs).
    const maxFailures = key.startsWith("email:") ? 2_147_483_647 : policy.maxFailures;
    // A window older than windowMs starts over at 1; reaching maxFailures sets blocked_until.
    await db.prisma.$executeRaw`
      INSERT INTO login_throttles (key, failures, window_start, blocked_until)
      VALUES (${key}, 1, ${now}, ${maxFailures <= 1 ? blockUntil : null})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttles.window_start <= ${windowFloor} THEN 1 ELSE login_throttles.failures + 1 END,
        window_start = CASE WHEN login_throttles.window_start <= ${windowFloor} THEN ${now} ELSE login_throttles.window_start END,
        blocked_until = CASE
          WHEN (CASE WHEN login_throttles.window_start <= ${windowFloor} THEN 1 ELSE login_throttles.failures + 1 END) >= ${maxFailures}
          THEN ${blockUntil}
          ELSE login_throttles.blocked_until
        END`;
  }
  return checkLoginThrottle(db, keys, now);
}

/** How long an attempt on this account waits before its password is checked. */
export async function accountDelayMs(
  db: Db,
  email: string,
  now = new Date(),
  policy = LOGIN_THROTTLE,
): Promise<number> {
  const row = await db.prisma.loginThrottle.findUnique({
    where: { key: throttleKeys(email, null)[0] },
    select: { failures: true, windowStart: true },
  });
  if (!row || row.windowStart.getTime() <= now.getTime() - policy.windowMs) return 0;
  const over = row.failures - policy.accountDelay.freeFailures;
  if (over < 0) return 0;
  return Math.min(policy.accountDelay.maxMs, policy.accountDelay.baseMs * 2 ** Math.min(over, 30));
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
