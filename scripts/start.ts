// npm start: the whole product on one machine. Builds the console if needed, starts the embedded
// database unless DATABASE_URL is set, migrates, runs first-run setup, then runs the web server and
// the dispatcher worker as child processes until Ctrl-C / SIGTERM, which stops them all cleanly.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { loadConfig } from "../lib/config";
import { IPC_WAKE_MESSAGE } from "../lib/dispatch/wake";
import { formatStartupError } from "../lib/startup/errors";
import { assertPortFree } from "../lib/startup/port";
import { describeFirstRun, prepareDatabase } from "../lib/startup/prepare-database";
import { ensureBuilt } from "./build-if-needed";

async function main() {
  const config = loadConfig();
  await assertPortFree(config.port);
  const database = await prepareDatabase(config);
  ensureBuilt();
  if (database.migrationsApplied.length) console.log(`Applied migrations: ${database.migrationsApplied.join(", ")}`);
  const firstRun = describeFirstRun(database.firstRun);
  if (firstRun) console.log(firstRun);

  const env = { ...process.env, DATABASE_URL: database.url, PORT: String(config.port) };
  // IPC channels carry the web server's "events ingested" wake-ups to the worker at once.
  const stdio: StdioOptions = ["inherit", "inherit", "inherit", "ipc"];
  const web = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(config.port)], { env, stdio });
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio });
  web.on("message", (message) => message === IPC_WAKE_MESSAGE && worker.connected && worker.send(message));
  const children = new Map<string, ChildProcess>([
    ["web server", web],
    ["worker", worker],
  ]);
  console.log(`NovaVMS Webhooks: console on http://localhost:${config.port}${database.embedded ? ", embedded database" : ""} (Ctrl-C stops it)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([...children.values()].map((child) => terminate(child)));
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  for (const [name, child] of children) {
    child.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`novavms: the ${name} exited (${signal ?? `code ${code}`}); stopping`);
      void stop(code || 1);
    });
  }
}

/** SIGTERM, then SIGKILL if the process is still there after the worker's drain time. */
function terminate(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

main().catch((error) => {
  console.error(formatStartupError(error));
  process.exit(1);
});
