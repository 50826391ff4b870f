// npm run worker: the dispatcher. Needs DATABASE_URL (npm start sets it for the embedded database).
import { getAppContext } from "../lib/context";
import { startWorker } from "../lib/dispatch/worker";
import { formatStartupError } from "../lib/startup/errors";

try {
  const context = getAppContext("worker");
  const worker = startWorker(context, async () => {});
  const stop = async () => {
    await worker.stop();
    await context.db.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  context.log.info("worker started");
} catch (error) {
  console.error(formatStartupError(error));
  process.exit(1);
}
