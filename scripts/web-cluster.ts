// The web server as NOVAVMS_WEB_CONCURRENCY processes sharing one port (Node's cluster module: the
// primary accepts connections and hands them to the workers in turn). `npm start` runs this instead
// of `next start` when NOVAVMS_WEB_CONCURRENCY is above 1. The workers' "events ingested" wake-ups
// are passed on to `npm start`, which relays them to the dispatcher worker.
import cluster from "node:cluster";
import http from "node:http";
import next from "next";

const processes = Number(process.env.NOVAVMS_WEB_CONCURRENCY ?? "1");
const port = Number(process.env.PORT ?? "3000");

if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < processes; i++) {
    const worker = cluster.fork();
    worker.on("message", (message) => process.send?.(message));
  }
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // One web process gone means a fault, not load: stop, and let `npm start` say so and exit.
    console.error(`novavms: web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping`);
    process.exit(code || 1);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const app = next({ dev: false, dir: process.cwd(), port });
  app.prepare().then(
    () => {
      const handle = app.getRequestHandler();
      http.createServer((request, response) => void handle(request, response)).listen(port);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
