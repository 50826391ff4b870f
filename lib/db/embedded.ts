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
  /** Directory for the database files; omit for an in-memory database. */
  dataDir?: string;
  /** Loopback port; 0 picks a free one. */
  port?: number;
  /** Connections served at once: keep above the sum of every process's pool. */
  maxConnections?: number;
};

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it on loopback, so the web server, the
 * worker and scripts reach it through the same `pg` driver code as a real PostgreSQL server.
 */
export async function startEmbeddedDatabase(options: Options = {}): Promise<EmbeddedDatabase> {
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const db = await PGlite.create(options.dataDir ? { dataDir: path.join(options.dataDir, "pglite") } : {});
    const server = new PGLiteSocketServer({
      db: keepBatchesTogether(db),
      host: "127.0.0.1",
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 100,
    });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
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

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is already open by process ${pid}; stop it first`);
    this.name = "DataDirInUseError";
  }
}

// PGlite has no locking of its own, and two processes writing one data directory corrupt it.
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
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
