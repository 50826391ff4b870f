import http from "node:http";
import type { EndpointMode, ReceiverCounts } from "./receivers";

// The loopback receivers: one HTTP server (one origin) per endpoint. Counts every request by its
// X-NovaVMS-Delivery id (duplicates are checked, not assumed) and can keep arrival times.

const BIG_BODY = Buffer.alloc(5 * 1024 * 1024, "x");

export function createReceiverCore() {
  const servers: http.Server[] = [];
  const perEndpoint: number[] = [];
  const perDelivery = new Map<string, number>();
  let arrivals: Array<[string, number]> = [];
  let recordArrivals = false;
  let total = 0;

  const handler = (index: number, mode: EndpointMode) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const at = performance.timeOrigin + performance.now();
    const id = req.headers["x-novavms-delivery"];
    const deliveryId = typeof id === "string" ? id : "";
    total += 1;
    perEndpoint[index] += 1;
    if (deliveryId) perDelivery.set(deliveryId, (perDelivery.get(deliveryId) ?? 0) + 1);
    if (recordArrivals && deliveryId) arrivals.push([deliveryId, at]);
    res.on("error", () => {});
    req.on("error", () => {});
    req.resume();
    if (mode === "hang") return; // never answers: the sender's timeout ends it
    req.on("end", () => {
      if (mode === "fast")
        return void res.writeHead(200, { "content-type": "text/plain", "content-length": "2" }).end("ok");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(BIG_BODY.length) });
      res.end(BIG_BODY);
    });
  };

  return {
    async start(endpoints: EndpointMode[]): Promise<number[]> {
      const ports: number[] = [];
      for (const mode of endpoints) {
        const index = servers.length;
        perEndpoint.push(0);
        const server = http.createServer(
          { keepAliveTimeout: 60_000, requestTimeout: 0, headersTimeout: 60_000 },
          handler(index, mode),
        );
        server.on("clientError", (_error, socket) => socket.destroy());
        servers.push(server);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        ports.push((server.address() as { port: number }).port);
      }
      return ports;
    },
    counts(): ReceiverCounts {
      let duplicates = 0;
      for (const n of perDelivery.values()) if (n > 1) duplicates += n - 1;
      return { total, distinct: perDelivery.size, duplicates, perEndpoint: [...perEndpoint] };
    },
    takeArrivals(): Array<[string, number]> {
      const taken = arrivals;
      arrivals = [];
      return taken;
    },
    reset(record = false) {
      total = 0;
      perEndpoint.fill(0);
      perDelivery.clear();
      arrivals = [];
      recordArrivals = record;
    },
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
