import { getConfig, type Config } from "./config";
import { createCipher, loadEncryptionKey, type Cipher } from "./crypto/encryption";
import { connectDatabase, type Db } from "./db/client";
import { getProcessSender } from "./transport/process-sender";
import type { Send } from "./transport/types";
import { createLogger, type Logger } from "./log";

/**
 * What the domain functions of a running process need: built once per process. `send` (the HTTP
 * sender of attempts) and `now` (the clock) are here so tests inject both.
 */
export type AppContext = { config: Config; db: Db; cipher: Cipher; log: Logger; send: Send; now: () => Date };

/** The real clock. */
export const systemClock = (): Date => new Date();

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
    db: connectDatabase(databaseUrl, { poolSize: config.dbPoolSize, namedStatements: config.dbNamedStatements }),
    cipher: createCipher(loadEncryptionKey(config.encryptionKey, config.dataDir)),
    log: createLogger(config.logLevel, name),
    // The process's sender (its pool and trust store) is built on the first attempt, not here.
    send: (request, hooks) => getProcessSender(config).send(request, hooks),
    now: systemClock,
  };
}
