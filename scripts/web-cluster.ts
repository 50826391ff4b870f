// NOVAVMS_WEB_CONCURRENCY web processes sharing one port (Node's cluster module: this primary
// accepts connections and hands them to the workers in turn). Each worker runs scripts/web.ts
// again, as a cluster worker, and serves exactly as a single web process does (the client's
// address decided once, for trusted proxies). The workers' "events ingested" wake-ups are passed
// on to the supervisor of `npm start`, which relays them to the dispatcher worker.
import cluster from "node:cluster";

/** Forks `processes` web workers; one that dies stops them all, and the supervisor restarts the web server. */
export function runWebCluster(processes: number): void {
  let stopping = false;
  for (let i = 0; i < processes; i++) {
    const worker = cluster.fork();
    worker.on("message", (message) => process.send?.(message));
  }
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      // One web process gone means a fault, not load: stop the rest, and let the supervisor of
      // `npm start` restart the whole web server (with its back-off) and say so.
      console.error(`novavms: web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping`);
      stop(code || 1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  let exitCode = 0;
  const stop = (code: number) => {
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", () => stop(0));
  process.once("SIGINT", () => stop(0));
}
