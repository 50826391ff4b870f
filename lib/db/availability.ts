import type { Db } from "./client";

// Whether the console should say "database unavailable" instead of rendering pages. Nothing is
// asked of the database while all is well: a page whose session query finds the database away
// marks it here (with the pool to probe), and from then on the web server probes it (SELECT 1, at
// most once per PROBE_EVERY_MS, a request arriving meanwhile takes the last answer) until a probe
// works again. Kept on globalThis: the web server and Next.js's bundles load this module apart.

export const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

type State = {
  probe: (() => Promise<unknown>) | null;
  checkedAt: number;
  down: boolean;
  checking: Promise<boolean> | null;
};

const holder = globalThis as unknown as { novavmsDatabaseAvailability?: State };

function state(): State {
  holder.novavmsDatabaseAvailability ??= { probe: null, checkedAt: 0, down: false, checking: null };
  return holder.novavmsDatabaseAvailability;
}

/** A query failed because the database is unreachable: probe it before the next page. */
export function noteDatabaseUnavailable(db: Pick<Db, "pool">): void {
  const current = state();
  current.probe = () => db.pool.query("SELECT 1");
  current.down = true;
  current.checkedAt = 0;
}

/** Whether the database is known to be away (false without a query unless a failure was noted). */
export async function isDatabaseKnownUnavailable(now = Date.now()): Promise<boolean> {
  const current = state();
  if (!current.down || !current.probe) return false;
  if (current.checking) return current.checking;
  if (now - current.checkedAt < PROBE_EVERY_MS) return true;
  const probe = current.probe;
  current.checking = withTimeout(probe(), PROBE_TIMEOUT_MS)
    .then(
      () => false,
      () => true,
    )
    .then((down) => {
      current.down = down;
      current.checkedAt = Date.now();
      return down;
    })
    .finally(() => {
      current.checking = null;
    });
  return current.checking;
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("database probe timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
