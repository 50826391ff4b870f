// npm start: the whole product on one machine. Starts the embedded database unless DATABASE_URL is
// set, migrates, runs first-run setup, builds the console if needed, then runs the web server and
// the dispatcher worker as child processes until Ctrl-C / SIGTERM, which stops them all cleanly.
// A child that dies is restarted (lib/startup/supervisor.ts); the children never outlive this process.
import { loadConfig } from "../lib/config";
import { buildAppContext } from "../lib/context";
import { demoOverrides } from "../lib/demo/defaults";
import { seedDemo } from "../lib/demo/seed";
import { IPC_WAKE_MESSAGE } from "../lib/dispatch/wake";
import { formatStartupError } from "../lib/startup/errors";
import { assertPortFree } from "../lib/startup/port";
import { describeOperatorSetup } from "../lib/bootstrap/ensure-operator";
import { createSupervisor } from "../lib/startup/supervisor";
import { describeFirstRun, prepareDatabase, type PreparedDatabase } from "../lib/startup/prepare-database";
import { ensureBuilt } from "./build-if-needed";

// IPC channels carry the web server's "events ingested" wake-ups to the worker at once.
const supervisor = createSupervisor({
  onMessage: (from, message) =>
    from === "web server" && message === IPC_WAKE_MESSAGE && supervisor.send("worker", message),
});
let database: PreparedDatabase | undefined;
let stopping = false;

async function main() {
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // Whatever else goes wrong here, the children and the embedded database stop cleanly with it.
  process.on("uncaughtException", (error) => {
    console.error(formatStartupError(error));
    void stop(1);
  });
  const config = loadConfig();
  await assertPortFree(config.port);
  database = await prepareDatabase(config);
  if (database.migrationsApplied.length) console.log(`Applied migrations: ${database.migrationsApplied.join(", ")}`);
  ensureBuilt();
  // After the build's output, so the credentials are the last thing a first-time user reads.
  const firstRun = describeFirstRun(database.firstRun);
  if (firstRun) console.log(firstRun);
  const operator = describeOperatorSetup(database.operator);
  if (operator) console.log(operator);

  const demo = demoOverrides(config, process.env);
  if (Object.keys(demo).length) {
    const settings = Object.entries(demo)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    console.log(`Demo mode (embedded database): ${settings}. Set NOVAVMS_DEMO=0 to turn it off.`);
  }
  const env = { ...process.env, ...demo, DATABASE_URL: database.url, PORT: String(config.port) };
  // scripts/web.ts runs NOVAVMS_WEB_CONCURRENCY web processes on the one port when asked to.
  supervisor.start({
    name: "web server",
    args: ["--import", "tsx", "scripts/web.ts"],
    env,
  });
  await waitForHealthy(`http://127.0.0.1:${config.port}/api/health`);
  supervisor.start({ name: "worker", args: ["--import", "tsx", "scripts/worker.ts"], env });

  if (database.firstRun.created && config.demo) {
    const context = buildAppContext(loadConfig(env), database.url, "demo");
    await seedDemo(context, database.firstRun.orgId, `http://127.0.0.1:${config.port}`).finally(() =>
      context.db.close(),
    );
  }
  console.log(
    `NovaVMS Webhooks: console on http://localhost:${config.port}${database.embedded ? ", embedded database" : ""} (Ctrl-C stops it)`,
  );
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await supervisor.stopAll(20_000);
  await database?.stop();
  process.exit(code);
}

async function waitForHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url);
      // The web server is up with its database; the worker starts next, so a heartbeat left stale
      // by a worker of an earlier run that was killed must not hold the start back.
      if (response.ok || (await response.json().catch(() => null))?.database === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!stopping) throw new Error(`the web server did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

main().catch((error) => {
  console.error(formatStartupError(error));
  void stop(1);
});
