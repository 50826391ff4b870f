import cron from "node-cron";
import type { AppContext } from "../context";

export type Worker = { stop: () => Promise<void> };

/** Runs `tick` every second (never two at once) until stopped. */
export function startWorker(context: AppContext, tick: () => Promise<void>): Worker {
  let running: Promise<void> | null = null;
  const task = cron.schedule("* * * * * *", () => {
    if (running) return;
    running = tick()
      .catch((error) => context.log.error({ err: error }, "dispatcher tick failed"))
      .finally(() => (running = null));
  });
  return {
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
