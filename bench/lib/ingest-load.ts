import autocannon from "autocannon";
import { systemCaller } from "../../lib/auth/caller";
import { ingestEvent } from "../../lib/events/ingest";
import { ingestEventGrouped } from "../../lib/events/group-commit";
import { percentiles, sleep } from "./stats";
import type { BenchTarget } from "./seed";

// Load for the ingest scenario: autocannon against the real `next start`, and an open-loop
// trickle in this process that compares a grouped ingest with a direct one at low load.

export const SAMPLE_DATA = { camera_id: "cam_lobby_01", site_id: "site_lobby_east", reason: "heartbeat_missed" };

export type Load = { ok: number; seconds: number; p50: number; p99: number; non2xx: number; errors: number };

export async function post(
  origin: string,
  options: { path: string; token: string; body: unknown; connections: number; seconds: number },
): Promise<Load> {
  const r = await autocannon({
    url: `${origin}${options.path}`,
    method: "POST",
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: JSON.stringify(options.body),
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
  });
  return {
    ok: r["2xx"],
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

export function batchBody(size: number): { events: Array<{ type: string; data: unknown }> } {
  return { events: Array.from({ length: size }, () => ({ type: "camera.offline", data: SAMPLE_DATA })) };
}

/**
 * p50 of one ingest call at `perSecond`, through the group commit and directly (one statement per
 * call), alternating call by call so that the machine's noise falls on both alike.
 */
export async function lowLoadLatency(
  target: BenchTarget,
  orgId: string,
  options: { perSecond: number; seconds: number },
): Promise<{ grouped: number; direct: number }> {
  const ctx = { db: target.db, now: () => new Date() };
  const caller = systemCaller(orgId);
  const grouped: number[] = [];
  const direct: number[] = [];
  const total = options.perSecond * options.seconds;
  for (let i = 0; i < total; i++) {
    const started = performance.now();
    if (i % 2) await ingestEventGrouped(ctx, caller, { type: "camera.offline", data: SAMPLE_DATA });
    else await ingestEvent(ctx, caller, { type: "camera.offline", data: SAMPLE_DATA });
    const ms = performance.now() - started;
    (i % 2 ? grouped : direct).push(ms);
    await sleep(Math.max(0, 1000 / options.perSecond - ms));
  }
  return { grouped: percentiles(grouped, [50])[0], direct: percentiles(direct, [50])[0] };
}

export async function countRows(target: BenchTarget, orgId: string): Promise<{ events: number; deliveries: number }> {
  const { rows } = await target.db.pool.query<{ events: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM events WHERE org_id = $1) AS events,
            (SELECT count(*)::int FROM deliveries d JOIN events e ON e.id = d.event_id WHERE e.org_id = $1) AS deliveries`,
    [orgId],
  );
  return rows[0];
}
