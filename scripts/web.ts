// The web server of `npm start`: Next.js behind Node's HTTP server, so that the client's address
// and scheme are decided once, from the socket and the trusted proxies only (lib/http/forwarded.ts),
// before any page, action or route reads them, and console pages answer "database unavailable"
// (503) while the database is away (lib/http/database-unavailable.ts). Takes the port from PORT.
// With NOVAVMS_WEB_CONCURRENCY above 1 this process is the primary of that many such web
// processes on the one port (scripts/web-cluster.ts), each running this file again.
import cluster from "node:cluster";
import http from "node:http";
import { loadConfig } from "../lib/config";
import { answerIfDatabaseUnavailable } from "../lib/http/database-unavailable";
import { normalizeForwardedHeaders, parseTrustedProxies } from "../lib/http/forwarded";
import { formatStartupError } from "../lib/startup/errors";
import { runWebCluster } from "./web-cluster";

async function main() {
  const config = loadConfig();
  if (config.webConcurrency > 1 && cluster.isPrimary) return runWebCluster(config.webConcurrency);
  const trusted = parseTrustedProxies(config.trustedProxies);
  // What `next start` sets; read by Next.js and React when they load.
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer(async (request, response) => {
    normalizeForwardedHeaders(request.headers, request.socket.remoteAddress, trusted);
    // While the database is known to be away, console pages get a 503 page that retries.
    if (await answerIfDatabaseUnavailable(request, response)) return;
    void handle(request, response);
  });
  server.listen(config.port);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(formatStartupError(error));
  process.exit(1);
});
