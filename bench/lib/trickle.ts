import { queueDeliveries, type BenchTarget } from "./seed";
import { sleep } from "./stats";
import type { WorkerPool } from "./workers";

// A steady trickle of fresh deliveries to one endpoint: `perSecond`, queued in ticks of 100 ms at
// least (ids `dlv_bench_<tag><tick>_…`), each tick waking the workers, for at most `ms` or until
// `done()`. Resolves with how many were queued.

const TICK_MS = 100;

export async function queueTrickle(
  target: BenchTarget,
  pool: WorkerPool,
  input: { orgId: string; webhookId: string; perSecond: number; tag: string; ms: number; done: () => Promise<boolean> },
): Promise<number> {
  const tickMs = Math.max(TICK_MS, 1000 / input.perSecond);
  const perTick = Math.max(1, Math.round((input.perSecond * tickMs) / 1000));
  const started = performance.now();
  let queued = 0;
  for (let tick = 0; performance.now() - started < input.ms && !(await input.done()); tick++) {
    const tickStarted = performance.now();
    queued += await queueDeliveries(target.db, input.orgId, [input.webhookId], perTick, `${input.tag}${tick}`);
    pool.wake();
    await sleep(Math.max(0, tickMs - (performance.now() - tickStarted)));
  }
  return queued;
}
