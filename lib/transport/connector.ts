import net, { type LookupFunction } from "node:net";
import { TLSSocket, type SecureContext } from "node:tls";
import { buildConnector } from "undici";

// undici's own connect timeout runs on a coarse timer (it fires up to half a second late), and a
// request aborted before its connection is up stays queued until that connection settles. The
// contract closes the connection at the timeout, so connecting gets a precise timer of its own.

export class ConnectTimeoutError extends Error {
  readonly code = "UND_ERR_CONNECT_TIMEOUT";
  constructor(timeoutMs: number) {
    super(`Connection not established within ${timeoutMs} ms`);
    this.name = "ConnectTimeoutError";
  }
}

export function createConnector(options: {
  secureContext: SecureContext;
  lookup: LookupFunction;
  timeoutMs: number;
  /** Called with every new TLS connection once its handshake succeeded. */
  onSecureConnect?: (hostname: string, port: string, socket: TLSSocket) => void;
}): buildConnector.connector {
  const { timeoutMs } = options;
  // undici's timer stays as a backstop should it stop handing back the socket it creates.
  const connect = buildConnector({ secureContext: options.secureContext, lookup: options.lookup, timeout: timeoutMs });
  return (connectOptions, callback) => {
    let timer: NodeJS.Timeout | undefined;
    const socket: unknown = connect(connectOptions, (...args) => {
      clearTimeout(timer);
      const [error, connected] = args;
      if (!error && connected instanceof TLSSocket) {
        options.onSecureConnect?.(connectOptions.hostname, connectOptions.port, connected);
      }
      callback(...args);
    });
    if (socket instanceof net.Socket) {
      timer = setTimeout(() => socket.destroy(new ConnectTimeoutError(timeoutMs)), timeoutMs);
    }
  };
}
