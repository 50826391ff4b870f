/**
 * One pump at a time, shared by the dispatcher and the recovery runner: `pump()` while a pump runs
 * returns that pump's promise and has it go round once more when its round ends, so a wake never
 * waits for a pump of its own and never starts a second one beside it.
 */
export type CoalescedPump = {
  /** Runs a pump (or joins the one running); resolves with how many its rounds started. */
  pump: () => Promise<number>;
  /**
   * Has a pump run (again) without waiting for it: what a finished attempt calls. Not
   * `pump().catch(…)`: while a pump runs every caller gets its one promise, and under a steady
   * backlog one pump runs for the whole drain, so a handler attached for each finished attempt
   * kept that attempt (its event body) alive until the drain ended. Not `void pump()` either: a
   * pump started here has no other caller, and its failure (the database went away) would be an
   * unhandled rejection, which ends the process. That failure is the worker loop's to report and
   * back off from, on its next pump.
   */
  kick: () => void;
  /** The pump in progress, if any. */
  readonly running: Promise<number> | null;
};

/** `round` claims and starts work; it runs again for as long as a pump or kick came in during the last one. */
export function coalescedPump(round: () => Promise<number>, stopped: () => boolean): CoalescedPump {
  let running: Promise<number> | null = null;
  let again = false;

  async function loop(): Promise<number> {
    let started = 0;
    do {
      again = false;
      started += await round();
    } while (again && !stopped());
    return started;
  }

  function pump(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => (running = null));
    return running;
  }

  return {
    pump,
    kick() {
      if (running) {
        again = true;
        return;
      }
      pump().catch(() => {});
    },
    get running() {
      return running;
    },
  };
}
