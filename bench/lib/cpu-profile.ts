import { Session } from "node:inspector/promises";

// Where this process's CPU goes while a scenario runs: V8's sampling profiler over the inspector
// protocol, started and stopped around the measured part only, then each sample's time is
// charged to the function on top of the stack (its self time) and summed by area (our modules,
// undici, the PostgreSQL driver, crypto, JSON, garbage collection, …). Node's internals and native
// functions (a socket write, a V8 built-in) are charged to the nearest package or module of this
// project that called them, so a socket write under undici counts as undici's.

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type CpuShare = { name: string; ms: number; share: number };
export type CpuSummary = {
  /** Profiled wall time, and the part of it the process was not idle (nor stopping the profiler). */
  wallMs: number;
  busyMs: number;
  /** Busy time by area, largest first; shares are of the busy time. */
  areas: CpuShare[];
  /** The busiest functions (`name (file:line)`), largest first. */
  functions: CpuShare[];
};

export async function startCpuProfile(): Promise<() => Promise<CpuSummary>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
    session.disconnect();
    return summarize(profile);
  };
}

export function summarize(profile: Profile, top = 20): CpuSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const chain = callersOf(id, byId, parentOf);
    const special = specialArea(frame);
    // The profiler's own work (stopping it serialises the profile on this thread) is not the scenario's.
    if (special === "idle" || chain.some((f) => f.url === "node:inspector")) {
      idleUs += us;
      continue;
    }
    // Charged to the nearest frame of a package or of this project (Node's own internals and native
    // functions count for whoever called them), else to the nearest frame with a file.
    const owner = chain.find((f) => OWNED.test(f.url)) ?? chain.find((f) => f.url);
    const area = special ?? (owner ? areaOf(owner.url) : "V8 and native (no caller)");
    areas.set(area, (areas.get(area) ?? 0) + us);
    const at = frame.url ? frame : chain.find((f) => f.url);
    const name = `${frame.functionName || "(anonymous)"}${at ? ` (${shortUrl(at.url)}:${at.lineNumber + 1})` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const wallUs = profile.endTime - profile.startTime;
  const busyUs = Math.max(wallUs - idleUs, 1);
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, share: Math.round((us / busyUs) * 1000) / 1000 }));
  return {
    wallMs: Math.round(wallUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    areas: ranked(areas),
    functions: ranked(functions),
  };
}

const AREAS: [RegExp, string][] = [
  [/\/lib\/signing\/|internal\/crypto|node:crypto/, "signing and ids (crypto)"],
  [/node_modules\/undici\//, "HTTP client (undici)"],
  [/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|@electric-sql)\//, "database driver (pg, PGlite)"],
  [/node_modules\/(pino|@opentelemetry)[^/]*\//, "logs, metrics and traces"],
  [/node_modules\/prom-client\//, "logs, metrics and traces"],
  [/\/lib\/(metrics|tracing|log)/, "logs, metrics and traces"],
  [/\/lib\/transport\//, "our transport (lib/transport)"],
  [/\/lib\/attempts\//, "our attempts (lib/attempts)"],
  [/\/lib\/dispatch\//, "our dispatcher (lib/dispatch)"],
  [/\/lib\/delivery\/|\/lib\/webhook-policy\/|\/lib\/endpoint-health\//, "our delivery policy"],
  [/\/lib\//, "our other modules (lib)"],
  [/\/bench\//, "the bench itself"],
  [
    /node:internal\/(net|stream|streams|tls|_tls|dns|http|timers|buffer)|node:(net|stream|tls|buffer)|internal\/(net|stream|streams|tls|timers|buffer)/,
    "Node sockets, streams, timers and buffers",
  ],
  [/node_modules\//, "other dependencies"],
  [/node:|internal\//, "other Node internals"],
];

/** Frames that are an area of their own: idle, garbage collection, V8's own work, JSON. */
function specialArea(frame: ProfileNode["callFrame"]): string | undefined {
  if (frame.functionName === "(idle)") return "idle";
  if (frame.functionName === "(garbage collector)") return "garbage collection";
  if (frame.functionName === "(program)" || frame.functionName === "(root)") return "V8 and native (program)";
  if (!frame.url && /^(stringify|parse)$/.test(frame.functionName)) return "JSON";
  return undefined;
}

const OWNED = /node_modules\/|\/(lib|bench)\/|internal\/crypto|node:crypto/;

/** The frame itself and its callers, innermost first. */
function callersOf(id: number, byId: Map<number, ProfileNode>, parentOf: Map<number, number>) {
  const chain: ProfileNode["callFrame"][] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) chain.push(byId.get(at)!.callFrame);
  return chain;
}

function areaOf(url: string): string {
  return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? "other";
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf("node_modules/");
  if (i >= 0) return url.slice(i + "node_modules/".length);
  const root = url.indexOf("/lib/") >= 0 ? url.indexOf("/lib/") + 1 : url.indexOf("/bench/") + 1;
  return root > 0 ? url.slice(root) : url.replace(/^file:\/\//, "");
}
