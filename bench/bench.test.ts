import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../lib/testing/test-database";
import type { BenchTarget } from "./lib/seed";
import { runScale } from "./scenarios/scale";
import { runScaleOut } from "./scenarios/scale-out";
import { runThroughput } from "./scenarios/throughput";

// Keeps `npm run bench` working: scenarios 1, 4 and 12 at a tiny size on this project's test database
// (PGlite, or the PostgreSQL of TEST_DATABASE_URL). Correctness only: every delivery arrives once
// and is recorded once, and the results have their shape. No timing is asserted.

let ctx: TestContext;
let target: BenchTarget;
beforeAll(async () => {
  ctx = await createTestContext();
  target = {
    kind: ctx.database.kind,
    url: ctx.database.url,
    db: ctx.db,
    cipher: ctx.cipher,
    encryptionKey: ctx.encryptionKey,
  };
});
afterAll(() => ctx.close());

describe("bench harness", () => {
  it("scenario 1: the dispatcher delivers every queued delivery once, beside a measured ceiling", async () => {
    const result = await runThroughput(target, { deliveries: 200, runs: 1, ceilingSeconds: 0.3, endpoints: 4 });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ id: "1", database: ctx.database.kind });
    const checks = result.details.checks as Record<string, number>;
    // Rounded to whole events fanned out to every endpoint.
    expect(checks.expected).toBeGreaterThan(150);
    expect(checks).toMatchObject({
      delivered: checks.expected,
      succeeded: checks.expected,
      receiverDuplicates: 0,
      attemptDuplicates: 0,
    });
    expect(result.metrics.map((m) => m.name)).toEqual([
      "dispatcher deliveries/s",
      "ceiling: bare undici POSTs/s",
      "ratio to ceiling",
      // Read from /proc: the test server runs on this machine.
      ...(ctx.database.kind === "postgres"
        ? ["PostgreSQL CPU per delivery (claim, result, attempt row)", "PostgreSQL WAL per delivery"]
        : []),
    ]);
    // The extra, profiled drain delivered the same queue and charged its CPU time to areas.
    const profile = result.details.cpuProfile as { deliveries: number; busyMs: number; areas: { share: number }[] };
    expect(profile.deliveries).toBe(checks.expected);
    expect(profile.areas.length).toBeGreaterThan(1);
    expect(profile.areas.reduce((sum, area) => sum + area.share, 0)).toBeLessThanOrEqual(1.01);
    for (const m of result.metrics) {
      expect(m.summary.runs).toHaveLength(1);
      // CPU time is counted in 10 ms ticks: a tiny run may show none.
      if (m.unit === "µs") expect(m.summary.median).toBeGreaterThanOrEqual(0);
      else expect(m.summary.median).toBeGreaterThan(0);
    }
  });

  // Each worker count may take up to `timeoutMs` on a loaded machine: the test's own timeout is
  // above both, so the scenario's outcome decides, not Vitest's 60 s default.
  it(
    "scenario 4: worker processes deliver every delivery exactly once, checked at the receiver and in the database",
    { timeout: 300_000 },
    async () => {
      const result = await runScaleOut(target, {
        deliveries: 200,
        runs: 1,
        workerCounts: [1, 2],
        endpoints: 4,
        timeoutMs: 120_000,
      });
      expect(result.error).toBeUndefined();
      const runs = result.details.runs as Array<Record<string, number | boolean>>;
      expect(runs.map((r) => r.workers)).toEqual([1, 2]);
      for (const run of runs) {
        expect(run).toMatchObject({
          finished: true,
          delivered: 200,
          received: 200,
          succeeded: 200,
          attempts: 200,
          receiverDuplicates: 0,
          attemptDuplicates: 0,
        });
      }
      const duplicates = result.metrics.filter((m) => m.name.includes("duplicate"));
      expect(duplicates.map((m) => m.summary.median)).toEqual([0, 0]);
    },
  );

  it(
    "scenario 12: every backlog and trickle delivery arrives once, on empty tables and beside settled history",
    { timeout: 300_000 },
    async () => {
      const result = await runScale(target, {
        settled: 2_000,
        backlog: 300,
        tricklePerSecond: 20,
        runs: 1,
        timeoutMs: 120_000,
      });
      expect(result.error).toBeUndefined();
      const phases = result.details.phases as Array<Record<string, unknown>>;
      expect(phases.map((p) => p.kind)).toEqual(["empty", "scale"]);
      for (const phase of phases) {
        const trickle = phase.trickle as { queued: number; measured: number };
        // 300 rounded up to whole events fanned out to the 40 endpoints.
        expect(phase).toMatchObject({ backlog: 320, drained: true });
        expect(trickle.queued).toBeGreaterThan(0);
        expect(trickle.measured).toBe(trickle.queued);
        expect(phase.received).toEqual({ distinct: 320 + trickle.queued, duplicates: 0 });
      }
      // Empty tables hold only the phase's own rows; at scale the 2,000 settled ones as well.
      expect(phases.map((p) => p.rowsBefore)).toEqual([0, 2_000]);
      const [seed] = result.details.seeds as Array<{
        deliveries: number;
        attempts: number;
        bytes: Record<string, number>;
      }>;
      expect(seed).toMatchObject({ deliveries: 2_000, attempts: 2_000 });
      expect(Object.keys(seed.bytes).sort()).toEqual(["deliveries", "delivery_attempts", "events"]);
      expect(result.details.checks).toEqual({ attemptDuplicates: 0 });
      expect(result.metrics.map((m) => [m.name, m.target?.op])).toEqual([
        ["backlog drain, empty tables: deliveries/s", undefined],
        ["backlog drain, 2,000 settled: deliveries/s", undefined],
        ["throughput at scale ÷ empty", ">="],
        ["trickle, empty tables: queued → receiver p50", undefined],
        ["trickle, empty tables: queued → receiver p99", undefined],
        ["trickle, 2,000 settled: queued → receiver p50", undefined],
        ["trickle, 2,000 settled: queued → receiver p99", undefined],
        ["trickle p99 at scale ÷ empty", "<="],
        ["seed: settled deliveries + attempts", undefined],
        ["tables after the seed (events, deliveries, attempts)", undefined],
      ]);
      for (const m of result.metrics) expect(m.summary.runs).toHaveLength(1);
    },
  );
});
