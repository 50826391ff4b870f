import { spawn, type ChildProcess } from "node:child_process";
import { stopChild, tsxArgs, waitForMessage } from "./processes";

// The parent's handle on the receiver process (receiver-server.ts).

/** fast: 200 "ok" at once. hang: never answers. big: 200 with a 5 MB body. */
export type EndpointMode = "fast" | "hang" | "big";

export type ReceiverCommand =
  | { cmd: "start"; endpoints: EndpointMode[] }
  | { cmd: "counts" }
  | { cmd: "arrivals" }
  | { cmd: "reset"; recordArrivals?: boolean };

export type ReceiverCounts = { total: number; distinct: number; duplicates: number; perEndpoint: number[] };

export type Receivers = {
  /** Base URLs, one per endpoint, in the order asked for. */
  urls: string[];
  counts: () => Promise<ReceiverCounts>;
  /** [deliveryId, wall-clock ms] of the requests since the last call (when recording). */
  arrivals: () => Promise<Array<[string, number]>>;
  reset: (options?: { recordArrivals?: boolean }) => Promise<void>;
  close: () => Promise<void>;
};

export async function startReceivers(endpoints: EndpointMode[]): Promise<Receivers> {
  const child = spawn(process.execPath, [...tsxArgs(), "bench/lib/receiver-server.ts"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await waitForMessage(child, 30_000);
  const ask = <T>(command: ReceiverCommand) => {
    const answer = waitForMessage<T>(child, 30_000);
    child.send(command);
    return answer;
  };
  const { ports } = await ask<{ ports: number[] }>({ cmd: "start", endpoints });
  return {
    urls: ports.map((port, i) => `http://127.0.0.1:${port}/hooks/${endpoints[i]}-${i}`),
    counts: () => ask<ReceiverCounts>({ cmd: "counts" }),
    arrivals: async () => (await ask<{ arrivals: Array<[string, number]> }>({ cmd: "arrivals" })).arrivals,
    reset: async (options = {}) => void (await ask({ cmd: "reset", recordArrivals: options.recordArrivals })),
    close: () => closeChild(child),
  };
}

function closeChild(child: ChildProcess): Promise<void> {
  child.disconnect();
  return stopChild(child, 5_000);
}
