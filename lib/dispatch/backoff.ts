// How long a worker waits before claiming again after the database failed it: doubling from
// `baseMs` up to `maxMs`, each wait drawn at random from its upper half ("equal jitter"), so a
// fleet of workers does not hammer a recovering server in lock step.

export type Backoff = {
  /** Whether a claim may be tried now. */
  ready: (now: number) => boolean;
  /** Records a failure at `now`; returns the wait before the next try, in ms. */
  failed: (now: number) => number;
  /** Records a success: the next failure waits `baseMs` again. Returns whether it was failing. */
  succeeded: () => boolean;
  readonly failures: number;
};

export function createBackoff(options: { baseMs: number; maxMs: number; random?: () => number }): Backoff {
  const random = options.random ?? Math.random;
  let failures = 0;
  let notBefore = 0;
  return {
    ready: (now) => now >= notBefore,
    failed(now) {
      const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures, 30));
      failures += 1;
      const wait = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      notBefore = now + wait;
      return wait;
    },
    succeeded() {
      const wasFailing = failures > 0;
      failures = 0;
      notBefore = 0;
      return wasFailing;
    },
    get failures() {
      return failures;
    },
  };
}
