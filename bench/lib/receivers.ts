import { spawn, type ChildProcess } from "node:child_process";
import { stopChild } from "../../lib/startup/stop-child";
import { tsxArgs, waitForMessage } from "./processes";
import { createReceiverCore } from "./receiver-core";

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

/**
 * Receivers in a child process (the default), or `inline` in this process, where they share its
 * one thread with what is measured (as the dispatcher and the ceiling loop then both do).
 */
export async function startReceivers(
  endpoints: EndpointMode[],
  options: { inline?: boolean } = {},
): Promise<Receivers> {
  if (options.inline) return startInline(endpoints);
  const child = spawn(process.execPath, [...tsxArgs(), "bench/lib/receiver-server.ts"], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await waitForMessage(child, 30_000);
  const ask = <T>(command: ReceiverCommand) => {
    const answer = waitForMessage<T>(child, 30_000);
    child.send(command);
    return answer;
  };
  const { ports } = await ask<{ ports: number[] }>({ cmd: "start", endpoints });
  return {
    urls: urlsOf(ports, endpoints),
    counts: () => ask<ReceiverCounts>({ cmd: "counts" }),
    arrivals: async () => (await ask<{ arrivals: Array<[string, number]> }>({ cmd: "arrivals" })).arrivals,
    reset: async (options = {}) => void (await ask({ cmd: "reset", recordArrivals: options.recordArrivals })),
    close: () => closeChild(child),
  };
}

async function startInline(endpoints: EndpointMode[]): Promise<Receivers> {
  const core = createReceiverCore();
  const ports = await core.start(endpoints);
  return {
    urls: urlsOf(ports, endpoints),
    counts: async () => core.counts(),
    arrivals: async () => core.takeArrivals(),
    reset: async (options = {}) => core.reset(options.recordArrivals ?? false),
    close: () => core.close(),
  };
}

function urlsOf(ports: number[], endpoints: EndpointMode[]): string[] {
  return ports.map((port, i) => `http://127.0.0.1:${port}/hooks/${endpoints[i]}-${i}`);
}

function closeChild(child: ChildProcess): Promise<void> {
  child.disconnect();
  return stopChild(child, 5_000);
}
