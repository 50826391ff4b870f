// npm run worker: the dispatcher. Needs DATABASE_URL (npm start sets it for the embedded database).
import { getAppContext } from "../lib/context";
import { startWorker } from "../lib/dispatch/worker";
import { IPC_WAKE_MESSAGE, wakeDispatchers } from "../lib/dispatch/wake";
import { formatStartupError } from "../lib/startup/errors";
import { warmHttpClient } from "../lib/transport/warm-up";

async function main() {
  const context = getAppContext("worker");
  // The HTTP client's start-up cost is paid before the first delivery, not during it.
  await warmHttpClient();
  const worker = startWorker(context, { databaseUrl: context.config.databaseUrl });
  // Under `npm start` the web server's "events ingested" messages are relayed here.
  process.on("message", (message) => message === IPC_WAKE_MESSAGE && wakeDispatchers());
  const stop = async () => {
    context.log.info("worker stopping: finishing attempts in flight");
    await worker.stop();
    await context.db.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  context.log.info("worker started");
}

main().catch((error) => {
  console.error(formatStartupError(error));
  process.exit(1);
});
