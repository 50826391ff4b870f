import type { PGlite } from "@electric-sql/pglite";

// PGLiteSocketServer serves every connection from PGlite's one session and queues protocol
// messages one at a time, keeping a connection's messages together only inside an explicit
// transaction (electric-sql/pglite#1046). An extended-protocol query (Parse, Bind, Describe,
// Execute, then Sync) is not one, so two connections' queries could interleave: B's Parse replaces
// the unnamed statement between A's Parse and A's Bind, and A runs B's SQL with A's parameters.
// Under several workers that sent a claim's rows to the wrong worker.
//
// The server asks `db.isInTransaction()` whether to keep serving the connection that ran the
// last message. This wrapper also answers yes while that connection's batch is open, i.e. from
// its first extended-protocol message until its Sync, so a batch always runs as one unit.

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q': a simple query is a complete unit on its own
const TERMINATE = 0x58; // 'X'
// Parse, Bind, Describe, Execute, Close, Flush: a batch is open until the next Sync.
const BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

type StreamOptions = Parameters<PGlite["execProtocolRawStream"]>[1];

export function keepBatchesTogether(db: PGlite): PGlite {
  let batchOpen = false;
  const wrapped = {
    isInTransaction: () => batchOpen || db.isInTransaction(),
    execProtocolRawStream: async (message: Uint8Array, options: StreamOptions) => {
      const type = message[0];
      if (BATCH.has(type)) batchOpen = true;
      else if (type === SYNC || type === QUERY || type === TERMINATE) batchOpen = false;
      return db.execProtocolRawStream(message, options);
    },
    // The server rolls back when the connection it was serving goes away mid-transaction; a
    // batch cut off before its Sync is closed first, so the session is usable again.
    exec: async (...args: Parameters<PGlite["exec"]>) => {
      if (batchOpen) {
        batchOpen = false;
        await db.execProtocolRaw(SYNC_MESSAGE);
        if (!db.isInTransaction()) return [];
      }
      return db.exec(...args);
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(wrapped, property)) return wrapped[property as keyof typeof wrapped];
      const value: unknown = Reflect.get(target, property);
      // PGlite's methods use private fields: they must run on the instance itself.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
