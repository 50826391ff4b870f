import http from "node:http";
import { Agent, request } from "undici";

let warming: Promise<void> | undefined;

/**
 * Sends one request to a throwaway server on loopback, once per process, so that the HTTP client's
 * one-time start-up cost (undici compiles its HTTP parser on the first connection a process makes:
 * tens of milliseconds, far more on a busy machine) is paid before the first delivery rather than
 * during it. The worker awaits it before it claims anything: a rate-limited webhook's first turn is
 * then not spent late. It never fails: a warm-up that cannot run leaves the first delivery slower.
 */
export function warmHttpClient(): Promise<void> {
  warming ??= warmUp().catch(() => {});
  return warming;
}

async function warmUp(): Promise<void> {
  const server = http.createServer((_req, res) => res.end());
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const agent = new Agent();
  try {
    const { port } = server.address() as { port: number };
    const response = await request(`http://127.0.0.1:${port}/`, { dispatcher: agent });
    await response.body.dump();
  } finally {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
