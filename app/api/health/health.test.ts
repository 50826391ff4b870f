import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { startWorker } from "@/lib/dispatch/worker";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { writeHeartbeat } from "@/lib/worker-health/heartbeat";
import * as health from "./route";

// /api/health reports the worker from its heartbeat, judged on the injected clock: "none" before
// any worker runs (still healthy), "ok" while one beats, "stale" (503, with the problem) once the
// freshest heartbeat is older than NOVAVMS_WORKER_STALE_SECONDS; a real worker beats while it
// claims and removes its row when it stops.

let ctx: TestContext;
const clock = { now: new Date("2026-11-29T12:00:00Z") };

beforeAll(async () => {
  ctx = await createTestContext({ NOVAVMS_WORKER_STALE_SECONDS: "60" });
  setAppContext({ ...ctx, now: () => clock.now });
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

async function read() {
  const response = await health.GET();
  return { status: response.status, body: await response.json() };
}

const at = (seconds: number) => new Date(Date.parse("2026-11-29T12:00:00Z") + seconds * 1000);

describe("/api/health and the worker", () => {
  it("answers none, then ok, then 503 stale beyond the threshold on the injected clock", async () => {
    expect(await read()).toEqual({
      status: 200,
      body: { ok: true, database: "ok", migrations: "current", worker: "none", worker_last_seen_at: null },
    });

    await writeHeartbeat(ctx.db, { workerId: "w1", startedAt: at(0), now: at(0) });
    clock.now = at(60);
    expect(await read()).toEqual({
      status: 200,
      body: { ok: true, database: "ok", migrations: "current", worker: "ok", worker_last_seen_at: at(0).toISOString() },
    });

    clock.now = at(61);
    const stale = await read();
    expect(stale.status).toBe(503);
    expect(stale.body).toMatchObject({
      ok: false,
      database: "ok",
      worker: "stale",
      worker_last_seen_at: at(0).toISOString(),
    });
    expect(stale.body.problem).toMatch(/no worker has claimed deliveries since .* \(more than 60 s\)/);

    // Any one worker beating is enough: the freshest heartbeat counts.
    await writeHeartbeat(ctx.db, { workerId: "w2", startedAt: at(50), now: at(55) });
    expect((await read()).body.worker).toBe("ok");
    await ctx.db.pool.query(`DELETE FROM worker_heartbeats`);
  });

  it("a running worker beats while it claims and leaves none behind when it stops", async () => {
    clock.now = new Date();
    const worker = startWorker({ ...ctx, now: () => clock.now });
    try {
      await expect.poll(async () => (await read()).body.worker, { timeout: 30_000 }).toBe("ok");
      const { rows } = await ctx.db.pool.query<{ worker_id: string }>(`SELECT worker_id FROM worker_heartbeats`);
      expect(rows).toHaveLength(1);
      expect(rows[0].worker_id).toMatch(new RegExp(`:${process.pid}:`));
    } finally {
      await worker.stop();
    }
    expect(await read()).toMatchObject({ status: 200, body: { worker: "none" } });
  });
});
