/**
 * Pumps until nothing is due and nothing is in flight (tests and one-shot runs): after each pump,
 * waits for one of the attempts in flight to end, since its end may make more due (a retry, a
 * freed endpoint slot). Resolves with how many the pumps started.
 */
export async function pumpUntilIdle(pump: () => Promise<number>, running: Set<Promise<void>>): Promise<number> {
  let total = 0;
  for (;;) {
    total += await pump();
    if (running.size === 0) {
      const more = await pump();
      total += more;
      if (more === 0 && running.size === 0) return total;
    }
    await Promise.race(running);
  }
}
