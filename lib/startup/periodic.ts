/** A pass the worker runs on a timer; `stop` ends the timers and waits for a pass in progress. */
export type Periodic = { stop: () => Promise<void> };

/**
 * Runs `pass` once after `firstAfterMs` and then every `everyMs`, never two at once (a pass still
 * running when the timer fires is left to finish). The timers do not keep the process alive.
 * `pass` handles its own errors.
 */
export function runPeriodically(
  pass: () => Promise<void>,
  options: { firstAfterMs: number; everyMs: number },
): Periodic {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = pass().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(run, options.firstAfterMs);
  const timer = setInterval(run, options.everyMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
