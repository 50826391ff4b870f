import autocannon from "autocannon";
import { buildForBench, startApp } from "../lib/app";
import { startReceivers } from "../lib/receivers";
import { metric, newScenario, type ScenarioResult } from "../lib/results";
import { createBenchOrg, createWebhooks, type BenchTarget } from "../lib/seed";

// Scenario 5: `POST /api/v1/events` fanned out to 3 webhooks, driven by autocannon with a fixed
// number of connections against the real `next start`. No worker runs: this measures the API and
// the database's write of an event with its deliveries, not delivery.

export type IngestOptions = { seconds: number; runs: number; connections: number };

export async function runIngest(target: BenchTarget, options: IngestOptions): Promise<ScenarioResult> {
  const result = newScenario("5", "Ingest: POST /api/v1/events, fan-out 3", target.kind);
  result.details.buildSeconds = buildForBench();
  const receivers = await startReceivers(["fast", "fast", "fast"]);
  const { orgId, apiToken } = await createBenchOrg(target);
  await createWebhooks(target, orgId, receivers.urls);
  const app = await startApp(target, { workers: 0, relayIpc: false });
  try {
    const load = (seconds: number, path = "/api/v1/events") =>
      autocannon({
        url: `${app.origin}${path}`,
        method: "POST",
        headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          type: "camera.offline",
          data: { camera_id: "cam_lobby_01", site_id: "site_lobby_east", reason: "heartbeat_missed" },
        }),
        connections: options.connections,
        duration: seconds,
        timeout: 10,
      });
    // Requests in flight when autocannon stops are still written: let them land before counting,
    // or the warm-up's last ones would be counted in the first run.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
    await load(2); // warm-up: JIT, connection pool, route handler
    await settle();
    const rates: number[] = [];
    const p99s: number[] = [];
    const floors: number[] = [];
    const runs: Record<string, unknown>[] = [];
    for (let run = 0; run < options.runs; run++) {
      const before = await countRows(target);
      const r = await load(options.seconds);
      await settle();
      const after = await countRows(target);
      rates.push(r["2xx"] / r.duration);
      p99s.push(r.latency.p99);
      // The framework's own floor on this machine: an /api/v1 path no route matches answers 404
      // from a route handler that touches no database, at the same connections.
      const floor = await load(Math.min(options.seconds, 2), "/api/v1/no-such-resource");
      floors.push((floor["2xx"] + floor.non2xx) / floor.duration);
      runs.push({
        run,
        accepted: r["2xx"],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        seconds: r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        events: after.events - before.events,
        deliveries: after.deliveries - before.deliveries,
      });
    }
    const targets = target.kind === "postgres";
    result.metrics.push(metric("accepted events/s", "/s", rates, targets ? { op: ">=", value: 1000 } : undefined));
    result.metrics.push(metric("latency p99", "ms", p99s, targets ? { op: "<=", value: 100 } : undefined));
    result.metrics.push(metric("reference: unmatched /api/v1 route, no database, req/s", "/s", floors));
    result.details.runs = runs;
    result.notes.push(
      `autocannon, ${options.connections} connections, ${options.seconds} s per run after a 2 s warm-up; each event makes 3 deliveries; no worker running.`,
    );
    // Requests still in flight when a run ends are written but not counted: at most one per connection.
    const broken = runs.filter((r) => {
      const events = Number(r.events);
      const accepted = Number(r.accepted);
      return (
        r.non2xx !== 0 || events < accepted || events > accepted + options.connections || r.deliveries !== 3 * events
      );
    });
    if (broken.length)
      result.error = "some requests failed, or events/deliveries written do not match the 202s; see details.runs";
    return result;
  } finally {
    await app.stop();
    await receivers.close();
  }
}

async function countRows(target: BenchTarget): Promise<{ events: number; deliveries: number }> {
  const { rows } = await target.db.pool.query<{ events: number; deliveries: number }>(
    "SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM deliveries) AS deliveries",
  );
  return rows[0];
}
