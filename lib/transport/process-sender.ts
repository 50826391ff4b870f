import type { Config } from "../config";
import { createSender, type Sender } from "./send";

const holder = globalThis as unknown as { novavmsSender?: Sender };

/** The sender of this process (connection pool and trust store are built once). */
export function getProcessSender(config: Config): Sender {
  holder.novavmsSender ??= createSender({
    timeoutMs: config.deliveryTimeoutMs,
    allowPrivateNetworks: config.allowPrivateNetworks,
    sandboxOrigin: config.sandboxOrigin,
  });
  return holder.novavmsSender;
}
