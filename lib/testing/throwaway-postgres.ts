import { execFileSync } from "node:child_process";
import fs from "node:fs";

// Test-only: a PostgreSQL cluster of the fault suite's own, to stop and start (never the shared
// test server). Run as the unprivileged `postgres` user when root, as .ci/postgres.sh does. The
// server binaries are required: without them this throws, and the test fails.
//
// Its port is below Linux's range of ephemeral ports (32768–60999): the cluster is started, and
// stopped and started again, in the middle of a test run, when a port in that range may be the local
// end of one of the run's own outgoing connections (a start on 55460 once failed that way).

export type ThrowawayPostgres = {
  url: string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

export function createThrowawayPostgres(port = 25460, dir = "/tmp/novavms-fault-pg"): ThrowawayPostgres {
  const bin = serverBinaries();
  const data = `${dir}/data`;
  const asPostgres = (command: string) => {
    if (process.getuid?.() === 0) {
      ensurePostgresUser();
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { stdio: "pipe" });
    } else {
      execFileSync("/bin/sh", ["-c", command], { stdio: "pipe" });
    }
  };
  const stop = () => asPostgres(`'${bin}/pg_ctl' -D '${data}' -m fast -w stop`);
  const start = () =>
    asPostgres(
      `'${bin}/pg_ctl' -D '${data}' -l '${dir}/server.log' -w -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start`,
    );
  // A cluster left by an earlier, killed run is stopped and replaced.
  if (fs.existsSync(data)) {
    try {
      stop();
    } catch {
      // not running
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  asPostgres(`'${bin}/initdb' -D '${data}' -U novavms -A trust --no-sync >'${dir}/initdb.log' 2>&1`);
  start();
  return {
    url: `postgresql://novavms@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function serverBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(`${root}/${v}/bin/pg_ctl`))
    : [];
  if (versions.length === 0) {
    throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
  }
  return `${root}/${versions.sort((a, b) => Number(b) - Number(a))[0]}/bin`;
}

function ensurePostgresUser(): void {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "pipe" });
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "postgres"]);
  }
}
