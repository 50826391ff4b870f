import { getConfig, type Config } from "./config";
import { createCipher, loadEncryptionKey, type Cipher } from "./crypto/encryption";
import { connectDatabase, type Db } from "./db/client";
import { createLogger, type Logger } from "./log";

/** What the domain functions of a running process need: built once per process. */
export type AppContext = { config: Config; db: Db; cipher: Cipher; log: Logger };

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super(
      "DATABASE_URL is not set: start NovaVMS with `npm start`, which runs the embedded database, or set DATABASE_URL",
    );
    this.name = "DatabaseNotConfiguredError";
  }
}

const holder = globalThis as unknown as { novavmsContext?: AppContext };

export function getAppContext(name = "web"): AppContext {
  if (holder.novavmsContext) return holder.novavmsContext;
  const config = getConfig();
  if (!config.databaseUrl) throw new DatabaseNotConfiguredError();
  holder.novavmsContext = buildAppContext(config, config.databaseUrl, name);
  return holder.novavmsContext;
}

/** Makes route handlers of this process use `context` (integration tests call handlers directly). */
export function setAppContext(context: AppContext | undefined): void {
  holder.novavmsContext = context;
}

export function buildAppContext(config: Config, databaseUrl: string, name: string): AppContext {
  return {
    config,
    db: connectDatabase(databaseUrl, { poolSize: config.dbPoolSize }),
    cipher: createCipher(loadEncryptionKey(config.encryptionKey, config.dataDir)),
    log: createLogger(config.logLevel, name),
  };
}
