import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import net from "node:net";
import type { TLSSocket } from "node:tls";
import type { KeyPair } from "./certificates";

// Test-only: real HTTP(S) receivers on 127.0.0.1 that record what reached them (requests, TLS
// server names, connections opened and closed) so tests assert on the receiver's side too.

export type ReceivedRequest = {
  method: string;
  path: string;
  rawHeaders: string[];
  body: Buffer;
  /** Resolves when the connection this request came on closes. */
  connectionClosed: Promise<void>;
};

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export type Receiver = {
  /** `http(s)://<host>:<port>` with `localhost` for TLS receivers (certificates name it), 127.0.0.1 otherwise. */
  origin: string;
  port: number;
  requests: ReceivedRequest[];
  serverNames: (string | false | null)[];
  connections: { opened: number; closed: number };
  close: () => Promise<void>;
};

// One promise per connection: a keep-alive connection carries many requests.
const socketsClosed = new WeakMap<net.Socket, Promise<void>>();
function closedPromise(socket: net.Socket): Promise<void> {
  let closed = socketsClosed.get(socket);
  if (!closed) {
    closed = socket.closed ? Promise.resolve() : new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socketsClosed.set(socket, closed);
  }
  return closed;
}

export async function startReceiver(handler: Handler, options: { tls?: KeyPair } = {}): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const serverNames: (string | false | null)[] = [];
  const connections = { opened: 0, closed: 0 };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const socket = req.socket;
    const connectionClosed = closedPromise(socket);
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        rawHeaders: req.rawHeaders,
        body,
        connectionClosed,
      });
      handler(req, res, body);
    });
  };
  const server = options.tls ? https.createServer({ ...options.tls }, listener) : http.createServer(listener);
  // Node answers idle keep-alive sockets after 5 s; keep them for the whole test instead.
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket: net.Socket) => {
    connections.opened += 1;
    socket.on("close", () => (connections.closed += 1));
  });
  server.on("secureConnection", (socket: TLSSocket) => serverNames.push(socket.servername));
  server.on("tlsClientError", () => {});
  const port = await listen(server);
  return {
    origin: `${options.tls ? "https" : "http"}://${options.tls ? "localhost" : "127.0.0.1"}:${port}`,
    port,
    requests,
    serverNames,
    connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP server that accepts connections and never says anything (nor completes a TLS handshake). */
export async function startSilentServer(): Promise<{
  port: number;
  connections: { opened: number; closed: number };
  close: () => Promise<void>;
}> {
  const connections = { opened: 0, closed: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.opened += 1;
    sockets.add(socket);
    // Reading (and discarding) is what lets it notice the client closing the connection.
    socket.resume();
    socket.on("error", () => {});
    socket.on("close", () => {
      connections.closed += 1;
      sockets.delete(socket);
    });
  });
  const port = await listen(server);
  return {
    port,
    connections,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function findClosedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Writes `chunk` until the client goes away or `limit` bytes are written, respecting backpressure. */
export function writeUntilClosed(
  res: ServerResponse,
  chunk: Buffer,
  limit = Infinity,
): Promise<{ written: number; finished: boolean }> {
  return new Promise((resolve) => {
    let written = 0;
    res.on("error", () => {});
    res.on("close", () => resolve({ written, finished: res.writableFinished }));
    const pump = () => {
      while (!res.destroyed && written < limit) {
        const piece = chunk.subarray(0, Math.min(chunk.length, limit - written));
        written += piece.length;
        if (!res.write(piece)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") return reject(new Error("no TCP address"));
      resolve(address.port);
    });
  });
}

/** Whether `promise` settles within `ms`: bounds a wait on something the receiver should observe. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
