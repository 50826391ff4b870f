import { randomBytes } from "node:crypto";
import { loadConfig, type Config } from "../config";
import { systemClock, type AppContext } from "../context";
import { createSender, type Sender } from "../transport/send";
import { createCipher } from "../crypto/encryption";
import { connectDatabase } from "../db/client";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { createServerDatabase } from "./server-database";
import { createLogger } from "../log";

// Test-only: a fresh, migrated database per caller. PGlite in memory by default; a new database
// on the PostgreSQL server of TEST_DATABASE_URL in the "postgres" Vitest project.

export type TestDatabase = { url: string; kind: "pglite" | "postgres"; drop: () => Promise<void> };

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const database =
    process.env.NOVAVMS_TEST_DB === "postgres" ? await createPostgresDatabase() : await createPgliteDatabase();
  if (options.migrate !== false) await migrate(database.url);
  return database;
}

export type TestContext = AppContext & {
  database: TestDatabase;
  /** Base64 of the cipher's key, for child processes (NOVAVMS_ENCRYPTION_KEY). */
  encryptionKey: string;
  close: () => Promise<void>;
};

/** An AppContext on a fresh database, with configuration from `env` over quiet defaults. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: "silent", NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1", ...env });
  const db = connectDatabase(database.url, { poolSize: 5 });
  const key = randomBytes(32);
  let sender: Sender | undefined;
  return {
    config,
    db,
    cipher: createCipher(key),
    encryptionKey: key.toString("base64"),
    log: createLogger(config.logLevel, "test"),
    // A real sender, built on first use; a test may replace `send` or `now` on its context.
    send: (request, hooks) => {
      sender ??= createSender({ timeoutMs: config.deliveryTimeoutMs, allowPrivateNetworks: true });
      return sender.send(request, hooks);
    },
    now: systemClock,
    database,
    close: async () => {
      await sender?.close();
      await db.close();
      await database.drop();
    },
  };
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const embedded = await startEmbeddedDatabase({ maxConnections: 50 });
  return { url: embedded.url, kind: "pglite", drop: embedded.stop };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("the postgres test project needs TEST_DATABASE_URL");
  const database = await createServerDatabase(serverUrl, `novavms_test_${randomBytes(6).toString("hex")}`);
  return { ...database, kind: "postgres" };
}
