import { createSender } from "../transport/send";
import { systemClock } from "../context";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { loadConfig } from "../config";
import type { AppContext } from "../context";
import { createCipher } from "../crypto/encryption";
import { connectDatabase } from "../db/client";
import { keepBatchesTogether } from "../db/pglite-batches";
import { migrate } from "../db/migrate";
import { createLogger } from "../log";

// Test-only: an embedded database whose server can be taken away and brought back on the same
// port, the data kept: a database outage as the web server and the worker see it.

export type PausableDatabase = {
  url: string;
  context: AppContext;
  /** Closes every connection and stops listening (clients get ECONNREFUSED). */
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  close: () => Promise<void>;
};

export async function createPausableDatabase(env: Record<string, string> = {}): Promise<PausableDatabase> {
  const pglite = keepBatchesTogether(await PGlite.create());
  let server: PGLiteSocketServer | null = new PGLiteSocketServer({ db: pglite, port: 0, maxConnections: 50 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  await migrate(url);
  const config = loadConfig({ LOG_LEVEL: "silent", NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1", ...env });
  const db = connectDatabase(url, { poolSize: 5 });
  const sender = createSender({ timeoutMs: config.deliveryTimeoutMs, allowPrivateNetworks: true });
  const context: AppContext = {
    config,
    db,
    cipher: createCipher(randomBytes(32)),
    log: createLogger(config.logLevel, "test"),
    send: sender.send,
    now: systemClock,
  };
  return {
    url,
    context,
    pause: async () => {
      await server?.stop();
      server = null;
    },
    resume: async () => {
      server = new PGLiteSocketServer({ db: pglite, port, maxConnections: 50 });
      await server.start();
    },
    close: async () => {
      await sender.close();
      await db.close().catch(() => {});
      await server?.stop();
      await pglite.close();
    },
  };
}
