import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { createServerDatabase } from "../../lib/testing/server-database";
import { stopChild } from "../../lib/startup/stop-child";
import { tsxArgs, waitForMessage } from "./processes";

// The two databases every scenario runs against: the embedded PGlite (one child process per
// database, as under `npm start`) and PostgreSQL (BENCH_DATABASE_URL, else a throwaway cluster
// started with the CI script on its own port and directory, so it never meets the test cluster).

export type DbKind = "postgres" | "pglite";
export type BenchDatabase = { kind: DbKind; url: string; drop: () => Promise<void> };
export type DatabaseServer = {
  kind: DbKind;
  /** e.g. "PostgreSQL 15.14 (fsync=off, synchronous_commit=off)". */
  description: string;
  /** A fresh, migrated database. */
  create: () => Promise<BenchDatabase>;
  stop: () => Promise<void>;
};

// Run from the project root (`npm run bench`, Vitest), as the migration runner assumes too.
const ROOT = process.cwd();
const BENCH_PG_PORT = process.env.BENCH_PG_PORT ?? "55433";
const BENCH_PG_DIR = process.env.BENCH_PG_DIR ?? "/tmp/novavms-bench-pg";

export async function startPglite(): Promise<DatabaseServer> {
  const probe = await createPglite();
  const version = await queryOne(probe.url, "SELECT current_setting('server_version') AS v");
  await probe.drop();
  return {
    kind: "pglite",
    description: `PGlite (PostgreSQL ${version.v}, WASM) over pglite-socket`,
    create: createPglite,
    stop: async () => {},
  };
}

async function createPglite(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-bench-pglite-"));
  const child = spawn(process.execPath, [...tsxArgs(), path.join(ROOT, "bench/lib/pglite-server.ts"), dataDir], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { url } = await waitForMessage<{ url: string }>(child, 60_000);
  await migrate(url);
  return {
    kind: "pglite",
    url,
    drop: async () => {
      await stopChild(child, 10_000);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL, or null (with the reason) when there is none to use. */
export async function startPostgres(log: (line: string) => void): Promise<DatabaseServer | { unavailable: string }> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    if (!hasPostgresBinaries())
      return { unavailable: "no BENCH_DATABASE_URL and no PostgreSQL server binaries under /usr/lib/postgresql" };
    log(`starting a throwaway PostgreSQL cluster on 127.0.0.1:${BENCH_PG_PORT} (${BENCH_PG_DIR})`);
    try {
      runPostgresScript("start_test_postgres");
    } catch (error) {
      return { unavailable: `could not start a PostgreSQL cluster: ${(error as Error).message.split("\n")[0]}` };
    }
    serverUrl = `postgresql://novavms@127.0.0.1:${BENCH_PG_PORT}/postgres`;
    stop = async () => void runPostgresScript("stop_test_postgres");
  }
  const settings = await queryOne(
    serverUrl,
    "SELECT current_setting('server_version') AS v, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb",
  );
  const url = serverUrl;
  return {
    kind: "postgres",
    description: `PostgreSQL ${settings.v} (fsync=${settings.fsync}, synchronous_commit=${settings.sc}, shared_buffers=${settings.sb})`,
    create: () => createPostgresDatabase(url),
    stop,
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<BenchDatabase> {
  const database = await createServerDatabase(serverUrl, `novavms_bench_${randomBytes(5).toString("hex")}`);
  await migrate(database.url);
  return { ...database, kind: "postgres" };
}

function hasPostgresBinaries(): boolean {
  if (!fs.existsSync("/usr/lib/postgresql")) return false;
  return fs
    .readdirSync("/usr/lib/postgresql")
    .some((version) => fs.existsSync(`/usr/lib/postgresql/${version}/bin/postgres`));
}

// The CI script runs initdb and postgres as the unprivileged `postgres` user when we are root.
function runPostgresScript(fn: "start_test_postgres" | "stop_test_postgres"): void {
  execFileSync("bash", ["-c", `source .ci/postgres.sh && ${fn}`], {
    cwd: ROOT,
    env: {
      ...process.env,
      PG_TEST_PORT: BENCH_PG_PORT,
      PG_TEST_DIR: BENCH_PG_DIR,
      // Per-statement execution and planning time for the breakdowns of PostgreSQL's work per
      // delivery (scenario 1) and per event (scenario 5).
      PG_TEST_SERVER_OPTIONS: "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function queryOne(url: string, sql: string, params: unknown[] = []): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] ?? {};
  } finally {
    await client.end();
  }
}
