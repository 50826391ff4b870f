import { buildForBench, startApp } from "../lib/app";
import { batchBody, countRows, lowLoadLatency, post, SAMPLE_DATA, type Load } from "../lib/ingest-load";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, type BenchTarget } from "../lib/seed";
import { postgresCpuMeter, processTreeCpuMeter } from "../lib/server-meters";
import { breakdownOf, reportStatements, statementMeter, type StatementBreakdown } from "../lib/statement-stats";
import { sleep } from "../lib/stats";

// Scenario 5: getting events in, against the real `next start` with no worker running (this
// measures the API and the database's writes, not delivery). In each run, side by side:
// - single events (`POST /api/v1/events`, fan-out 1) and the web server's own floor, an /api/v1
//   path no route matches (a route handler that touches no database), at the same connections;
// - events fanned out to 50 webhooks each: deliveries created per second;
// - batches of 500 events (`POST /api/v1/events/batch`);
// and, in this process, one ingest call at 10 events/s through the group commit and directly.

export type IngestOptions = {
  seconds: number;
  runs: number;
  connections: number;
  batchConnections: number;
  /** Each route of the single events ÷ floor pair is loaded this long before the first run. */
  warmupSeconds: number;
};

const FAN_OUT = 50;
/** The web server's floor: an /api/v1 path no route matches (a route handler with no database). */
const FLOOR_PATH = "/api/v1/no-such-resource";
const BATCH = 500;

export async function runIngest(target: BenchTarget, options: IngestOptions): Promise<ScenarioResult> {
  const result = newScenario("5", "Ingest: single events, fan-out 50, batches of 500", target.kind);
  result.details.buildSeconds = buildForBench();
  const single = await createBenchOrg(target);
  await createWebhooks(target, single.orgId, ["https://hooks.example.com/novavms/single"]);
  const wide = await createBenchOrg(target);
  await createWebhooks(
    target,
    wide.orgId,
    Array.from({ length: FAN_OUT }, (_, i) => `https://hooks.example.com/novavms/${i}`),
  );
  const cpu = target.kind === "postgres" ? await postgresCpuMeter(target.db) : null;
  const statements = target.kind === "postgres" ? await statementMeter(target.db) : null;
  let app = await startApp(target, { workers: 0, relayIpc: false });
  // The web server's CPU (next start and its children) and this process's (the load generator).
  const webCpu = processTreeCpuMeter(app.web.child.pid!);
  const ownCpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  /** CPU seconds per request of the web server and of the load generator over `work`. */
  const cpuPerRequest = async (work: () => Promise<Load>) => {
    const web0 = webCpu?.() ?? 0;
    const own0 = ownCpu();
    const r = await work();
    const requests = Math.max(1, r.ok + r.non2xx);
    return { r, web: ((webCpu?.() ?? 0) - web0) / requests, loader: (ownCpu() - own0) / requests };
  };
  try {
    const event = { type: "camera.offline", data: SAMPLE_DATA };
    const load = (
      path: string,
      token: string,
      body: unknown,
      connections = options.connections,
      seconds = options.seconds,
    ) => post(app.origin, { path, token, body, connections, seconds });
    // Requests in flight when autocannon stops are still written: let them land before counting.
    const settle = () => sleep(1_000);
    // Warm-up: both routes of the side-by-side pair until the web server's code is compiled and
    // optimised. With 2 s of single events only, the first measured run of single events was the
    // slowest of the scenario and the floor's first run was not warmed at all.
    await load("/api/v1/events", single.apiToken, event, options.connections, options.warmupSeconds);
    await load(FLOOR_PATH, single.apiToken, event, options.connections, options.warmupSeconds);
    await load("/api/v1/events/batch", single.apiToken, batchBody(BATCH), options.batchConnections, 1);
    await settle();

    const series = { single: [] as number[], p99: [] as number[], floor: [] as number[], ratio: [] as number[] };
    const fan = { deliveries: [] as number[], ratio: [] as number[] };
    const batch = { events: [] as number[], ratio: [] as number[] };
    const cpuPerEvent: number[] = [];
    const fanOutCpu = { postgres: [] as number[], web: [] as number[] };
    const webPerRequest = { single: [] as number[], floor: [] as number[], ratio: [] as number[] };
    const loaderPerRequest = { single: [] as number[], floor: [] as number[] };
    const breakdowns: StatementBreakdown[] = [];
    const runs: Record<string, unknown>[] = [];
    const broken: string[] = [];
    for (let run = 0; run < options.runs; run++) {
      const check = async (
        name: string,
        orgId: string,
        work: () => Promise<Load>,
        perRequest: number,
        fanOut: number,
      ) => {
        // The statement breakdown is kept for single events only.
        const breakdown = name === "single" ? statements : null;
        const before = await countRows(target, orgId);
        await breakdown?.reset();
        const cpuBefore = cpu?.();
        const { r, web, loader } = await cpuPerRequest(work);
        await settle();
        // Read before the bench's own count below, which reads every row of the org's so far.
        const cpuAfter = cpu?.();
        const totals = await breakdown?.take();
        const after = await countRows(target, orgId);
        const events = after.events - before.events;
        if (totals) breakdowns.push(breakdownOf(totals, events));
        const deliveries = after.deliveries - before.deliveries;
        const accepted = r.ok * perRequest;
        // At most one request per connection is still in flight when a run ends: written, not counted.
        if (r.non2xx || r.errors || events < accepted || events > accepted + options.connections * perRequest)
          broken.push(`${name} run ${run}: ${r.ok} accepted, ${events} events written, ${r.non2xx} non-2xx`);
        if (deliveries !== events * fanOut)
          broken.push(`${name} run ${run}: ${deliveries} deliveries for ${events} events`);
        runs.push({ run, name, ...r, events, deliveries });
        return {
          ...r,
          events,
          perSecond: accepted / r.seconds,
          cpu: cpuAfter !== undefined && cpuBefore !== undefined ? cpuAfter - cpuBefore : null,
          web,
          loader,
        };
      };
      const singleRun = () => check("single", single.orgId, () => load("/api/v1/events", single.apiToken, event), 1, 1);
      const floorRun = () => cpuPerRequest(() => load(FLOOR_PATH, single.apiToken, event));
      // The pair's order alternates from run to run, so that a drift of the machine falls on both.
      let one: Awaited<ReturnType<typeof singleRun>>;
      let floorCpu: Awaited<ReturnType<typeof floorRun>>;
      if (run % 2 === 0) {
        one = await singleRun();
        floorCpu = await floorRun();
      } else {
        floorCpu = await floorRun();
        one = await singleRun();
      }
      const floor = floorCpu.r;
      webPerRequest.single.push(one.web * 1e6);
      webPerRequest.floor.push(floorCpu.web * 1e6);
      webPerRequest.ratio.push(one.web / floorCpu.web);
      loaderPerRequest.single.push(one.loader * 1e6);
      loaderPerRequest.floor.push(floorCpu.loader * 1e6);
      const wideRun = await check(
        "fan-out 50",
        wide.orgId,
        () => load("/api/v1/events", wide.apiToken, event),
        1,
        FAN_OUT,
      );
      const batchRun = await check(
        "batch",
        single.orgId,
        () => load("/api/v1/events/batch", single.apiToken, batchBody(BATCH), options.batchConnections),
        BATCH,
        1,
      );
      series.single.push(one.perSecond);
      series.p99.push(one.p99);
      const floorRate = (floor.ok + floor.non2xx) / floor.seconds;
      series.floor.push(floorRate);
      series.ratio.push(one.perSecond / floorRate);
      fan.deliveries.push(wideRun.perSecond * FAN_OUT);
      fan.ratio.push((wideRun.perSecond * FAN_OUT) / one.perSecond);
      batch.events.push(batchRun.perSecond);
      batch.ratio.push(batchRun.perSecond / one.perSecond);
      if (one.cpu !== null) cpuPerEvent.push((one.cpu / one.events) * 1e6);
      // Where fan-out's time goes: PostgreSQL per delivery created, the web server per request.
      if (wideRun.cpu !== null) fanOutCpu.postgres.push((wideRun.cpu / (wideRun.events * FAN_OUT)) * 1e6);
      fanOutCpu.web.push(wideRun.web * 1e6);
    }
    // The same single-event load on NOVAVMS_WEB_CONCURRENCY=2: the web server's processes on one port.
    await app.stop();
    app = await startApp(target, { workers: 0, relayIpc: false, webProcesses: 2 });
    await load("/api/v1/events", single.apiToken, event, options.connections, options.warmupSeconds); // warm-up, as above
    const twoWeb: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const r = await load("/api/v1/events", single.apiToken, event);
      if (r.non2xx || r.errors) broken.push(`2 web processes run ${run}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      twoWeb.push(r.ok / r.seconds / series.single[run]);
    }
    const low = await lowLoadLatency(target, single.orgId, {
      perSecond: 10,
      seconds: Math.max(10, options.seconds * 2),
    });

    const pg = target.kind === "postgres";
    const t = (op: ">=" | "<=", value: number) => (pg ? { op, value } : undefined);
    result.metrics.push(metric("single events: accepted events/s", "/s", series.single));
    result.metrics.push(metric("single events: latency p99", "ms", series.p99, t("<=", 100)));
    result.metrics.push(metric("floor: unmatched /api/v1 route, no database, req/s", "/s", series.floor));
    result.metrics.push(metric("single events ÷ floor", "", series.ratio, t(">=", 0.9)));
    result.metrics.push(metric("fan-out 50: deliveries created/s", "/s", fan.deliveries));
    result.metrics.push(metric("fan-out 50 deliveries/s ÷ single events/s", "", fan.ratio, t(">=", 25)));
    result.metrics.push(metric("batches of 500: events/s", "/s", batch.events));
    result.metrics.push(metric("batch events/s ÷ single events/s", "", batch.ratio, t(">=", 10)));
    result.metrics.push(metric("10 events/s: p50 through group commit", "ms", [low.grouped]));
    result.metrics.push(metric("10 events/s: p50 group commit − direct", "ms", [low.grouped - low.direct], t("<=", 2)));
    result.metrics.push(metric("single events/s, 2 web processes ÷ 1", "", twoWeb));
    if (cpuPerEvent.length) result.metrics.push(metric("PostgreSQL CPU per single event", "µs", cpuPerEvent));
    if (fanOutCpu.postgres.length)
      result.metrics.push(metric("fan-out 50: PostgreSQL CPU per delivery created", "µs", fanOutCpu.postgres));
    if (webCpu) {
      result.metrics.push(metric("web server CPU per request: single events", "µs", webPerRequest.single));
      result.metrics.push(metric("web server CPU per request: floor", "µs", webPerRequest.floor));
      result.metrics.push(metric("web server CPU per request: single events ÷ floor", "", webPerRequest.ratio));
      result.metrics.push(metric("web server CPU per request: fan-out 50", "µs", fanOutCpu.web));
    }
    result.metrics.push(metric("load generator CPU per request: single events", "µs", loaderPerRequest.single));
    result.metrics.push(metric("load generator CPU per request: floor", "µs", loaderPerRequest.floor));
    reportStatements(
      result,
      breakdowns,
      "singleEventStatements",
      "PostgreSQL execution time per single event (pg_stat_statements)",
    );
    result.details.runs = runs;
    result.details.lowLoad = low;
    result.notes.push(
      `autocannon, ${options.connections} connections (batches: ${options.batchConnections}), ${options.seconds} s per load in each run ` +
        `after ${options.warmupSeconds} s of single events and ${options.warmupSeconds} s of the floor; single events and the floor alternate which goes first; ` +
        `single events fan out to 1 webhook, the wide org's to ${FAN_OUT}; no worker running. ` +
        `The 10 events/s comparison runs in the bench process, alternating a grouped and a direct ingestEvent call.`,
    );
    if (broken.length) result.error = `events/deliveries written do not match the 202s: ${broken.join("; ")}`;
    return result;
  } finally {
    await app.stop();
  }
}
