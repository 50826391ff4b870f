import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../db/client";
import type { Logger } from "../log";
import { metricsAccessAllowed } from "./access";
import { renderMetrics } from "./render";

/**
 * The worker's `GET /metrics` on its own port (NOVAVMS_METRICS_PORT). Without a token it listens on
 * loopback only; with NOVAVMS_METRICS_TOKEN on every interface, and callers must send the token.
 */
export async function startMetricsServer(options: {
  port: number;
  token: string | undefined;
  db: Db;
  log: Logger;
  inFlight?: () => number;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return void res.writeHead(404).end();
    const allowed = metricsAccessAllowed({
      token: options.token,
      authorization: req.headers.authorization ?? null,
      address: req.socket.remoteAddress ?? null,
    });
    if (!allowed) return void res.writeHead(401, { "WWW-Authenticate": "Bearer" }).end();
    renderMetrics(options.db, options.inFlight).then(
      ({ contentType, body }) => res.writeHead(200, { "Content-Type": contentType }).end(body),
      (error: unknown) => {
        options.log.error({ err: error }, "rendering metrics failed");
        res.writeHead(500).end();
      },
    );
  });
  const host = options.token ? undefined : "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
