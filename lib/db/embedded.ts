import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepBatchesTogether } from "./pglite-batches";

export type EmbeddedDatabase = {
  /** A postgresql:// URL any process on this machine can connect to with `pg`. */
  url: string;
  stop: () => Promise<void>;
};

type Options = {
  /**
   * Directory for the database files; omit for an in-memory database. With one, the database is
   * served on a Unix socket inside it (mode 0700), reachable only by this machine's user.
   */
  dataDir?: string;
  /** Loopback port of an in-memory database (tests); 0 picks a free one. */
  port?: number;
  /** Connections served at once: keep above the sum of every process's pool. */
  maxConnections?: number;
};

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it, so the web server, the worker and
 * scripts reach it through the same `pg` driver code as a real PostgreSQL server. PGlite checks no
 * password, so a data directory's database listens on a Unix socket in that directory, whose mode
 * (0700) keeps every other local user out; only an in-memory one (tests) listens on loopback TCP.
 */
export async function startEmbeddedDatabase(options: Options = {}): Promise<EmbeddedDatabase> {
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const db = await PGlite.create(options.dataDir ? { dataDir: path.join(options.dataDir, "pglite") } : {});
    const socketDir = options.dataDir ? path.resolve(options.dataDir) : null;
    const server = new PGLiteSocketServer({
      db: keepBatchesTogether(db),
      ...(socketDir ? { path: prepareSocket(socketDir) } : { host: "127.0.0.1", port: options.port ?? 0 }),
      maxConnections: options.maxConnections ?? 100,
    });
    await server.start();
    return {
      url: socketDir
        ? `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`
        : `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** `pg` looks for `<host dir>/.s.PGSQL.<port>`, port 5432 unless the URL names another. */
export const SOCKET_FILE = ".s.PGSQL.5432";
// sockaddr_un holds 108 bytes on Linux (104 on macOS) with the terminating NUL.
const MAX_SOCKET_PATH = 103;

export class SocketPathTooLongError extends Error {
  constructor(socketPath: string) {
    super(
      `the embedded database's socket path ${socketPath} is longer than ${MAX_SOCKET_PATH} bytes; set NOVAVMS_DATA_DIR to a shorter path`,
    );
    this.name = "SocketPathTooLongError";
  }
}

// The data directory is the socket's fence: 0700 lets only its owner connect. A socket left by a
// process that was killed is removed (the lock is already ours, so no live server uses it).
function prepareSocket(dataDir: string): string {
  const socketPath = path.join(dataDir, SOCKET_FILE);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) throw new SocketPathTooLongError(socketPath);
  fs.chmodSync(dataDir, 0o700);
  fs.rmSync(socketPath, { force: true });
  return socketPath;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is already open by process ${pid}; stop it first`);
    this.name = "DataDirInUseError";
  }
}

// PGlite has no locking of its own, and two processes writing one data directory corrupt it.
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dataDir, "embedded-db.pid");
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(lockFile, "utf8"));
      if (isAlive(pid) && pid !== process.pid) throw new DataDirInUseError(dataDir, pid);
      fs.rmSync(lockFile, { force: true }); // left by a process that crashed
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
