import { EventEmitter } from "node:events";
import type { Db } from "../db/client";

// How a new event reaches a dispatcher within milliseconds instead of at its next one-second tick:
// - a dispatcher in the same process listens to `localWake`;
// - under `npm start` the web server tells its parent over IPC, which relays to the worker;
// - on PostgreSQL, ingestion NOTIFYs this channel and every worker LISTENs (any machine).
// PGlite does not pass notifications between connections, so there the first two carry it.

export const DELIVERIES_DUE_CHANNEL = "novavms_deliveries_due";
export const IPC_WAKE_MESSAGE = "novavms:deliveries-due";

const localWake = new EventEmitter();
localWake.setMaxListeners(0);

export function wakeDispatchers(): void {
  localWake.emit("due");
  if (process.send && process.connected) process.send(IPC_WAKE_MESSAGE, undefined, {}, () => {});
}

export function onDeliveriesDue(listener: () => void): () => void {
  localWake.on("due", listener);
  return () => localWake.off("due", listener);
}

/** NOTIFY (other machines) and wake this machine's dispatchers; after writes done outside ingestion. */
export async function announceDeliveriesDue(db: Db): Promise<void> {
  await db.pool.query(`SELECT pg_notify('${DELIVERIES_DUE_CHANNEL}', '')`);
  wakeDispatchers();
}
