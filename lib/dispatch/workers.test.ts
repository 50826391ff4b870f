import type { ChildProcess } from "node:child_process";
import { systemCaller } from "../auth/caller";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWebhook } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { startReceiver, type Receiver } from "../testing/receivers";
import { createTestContext, type TestContext } from "../testing/test-database";
import { spawnWorker, stopWorkers } from "../testing/worker-process";
import { ingestEvent } from "../events/ingest";

// Real worker processes (`npm run worker`) sharing one database: every delivery is attempted once
// however many workers claim at the same time, and a worker killed mid-batch loses nothing.
//
// Exactly-once across workers is proven by the "postgres" project only. The embedded database
// (PGlite) serves every connection from one session, so the workers' claims run one after the
// other and `FOR UPDATE SKIP LOCKED` never meets a row another worker has locked: on PGlite these
// tests show that the workers cooperate, not that concurrent claims stay apart. CI therefore
// always runs the PostgreSQL pass (`vitest.config.mts` refuses to run in CI without it).
//
// The polls below wait for the outcome as long as a loaded machine needs; each test's own timeout
// (its `timeout` option) is longer than its polls, so the poll decides, not Vitest's default cap.

let ctx: TestContext;
let receiver: Receiver;
let delayMs = 0;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "novavms-workers-"));

beforeAll(async () => {
  ctx = await createTestContext();
  receiver = await startReceiver((_req, res) => setTimeout(() => res.writeHead(200).end("ok"), delayMs));
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
// A test that fails or times out may leave its workers running; they must not deliver into the next.
const spawned = new Set<ChildProcess>();
afterEach(async () => {
  await stopWorkers(spawned, "SIGKILL");
  spawned.clear();
});
beforeEach(async () => {
  await ctx.db.pool.query("TRUNCATE events, deliveries, delivery_attempts, webhooks CASCADE");
  receiver.requests.splice(0);
  delayMs = 0;
});

function startWorkerProcess(leaseSeconds = 30): ChildProcess {
  const child = spawnWorker(ctx, {
    dataDir,
    env: {
      NOVAVMS_LEASE_SECONDS: String(leaseSeconds),
      // The receiver shares this process with the embedded database, which can hold its event loop
      // for seconds on a loaded machine: the longest timeout there is keeps a slow answer from
      // becoming a failed attempt and a retry, which these tests would count as a second delivery.
      NOVAVMS_DELIVERY_TIMEOUT_MS: "120000",
      NOVAVMS_DB_POOL_SIZE: "4",
      NOVAVMS_WORKER_BATCH_SIZE: "25",
      LOG_LEVEL: "error",
    },
  });
  spawned.add(child);
  return child;
}

async function queueDeliveries(webhooks: number, events: number): Promise<string[]> {
  const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
  for (let i = 0; i < webhooks; i++) await addWebhook(ctx, orgId, `${receiver.origin}/hook-${i}`);
  const ids: string[] = [];
  for (let i = 0; i < events; i++)
    ids.push(
      ...(await ingestEvent(ctx, systemCaller(orgId), { type: "camera.offline", data: { i } })).deliveries.map(
        (d) => d.id,
      ),
    );
  return ids;
}

async function succeededCount(): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'",
  );
  return rows[0].n;
}

function receivedDeliveryIds(): string[] {
  return receiver.requests.map((request) => {
    const index = request.rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === "x-novavms-delivery");
    return request.rawHeaders[index + 1];
  });
}

// On a 2-core machine at a load of 40, 2,000 deliveries through the embedded database took over
// 4 minutes: the polls wait up to 10, and each test's own timeout is above its polls.
const POLL = { interval: 250, timeout: 600_000 };
const TEST_TIMEOUT = 900_000;

describe.each([2, 4])("%i worker processes on one database", (workers) => {
  it("deliver 2,000 deliveries, each exactly once", { timeout: TEST_TIMEOUT }, async () => {
    const ids = await queueDeliveries(20, 100);
    expect(ids).toHaveLength(2000);
    // A lease longer than the test: no delivery is taken over because its lease ran out (that is
    // at-least-once, proven below), so a second attempt could only come from two concurrent claims.
    const children = Array.from({ length: workers }, () => startWorkerProcess(TEST_TIMEOUT / 1000 + 60));
    try {
      await expect.poll(succeededCount, POLL).toBe(2000);
    } finally {
      await stopWorkers(children);
    }
    // Two claims of one delivery would show as attempts of it in flight at the same time, two
    // attempts with one number, or an attempt after it succeeded. A second attempt is allowed only
    // as the retry of a failed one, started after that one ended: on a loaded machine an answer can
    // take longer than even the 120 s timeout, and a timed-out attempt is retried by design.
    expect(await doubleClaims()).toEqual([]);
    const { rows } = await ctx.db.pool.query<{ attempts: number; deliveries: number; retried: number }>(
      `SELECT count(*)::int AS attempts, count(DISTINCT delivery_id)::int AS deliveries,
              count(*) FILTER (WHERE number > 1)::int AS retried FROM delivery_attempts`,
    );
    expect(rows[0].deliveries).toBe(2000);
    const received = receivedDeliveryIds();
    expect(new Set(received)).toEqual(new Set(ids));
    // Every attempt reached the receiver except, at most, timed-out ones whose request it never read.
    expect(received.length).toBeGreaterThanOrEqual(2000);
    expect(received.length).toBeLessThanOrEqual(rows[0].attempts);
    expect(rows[0].attempts).toBe(2000 + rows[0].retried);
  });
});

type DoubleClaim = { delivery_id: string; attempts: string[] };

// Each delivery whose attempts could not all come from one claim at a time, with its attempts
// (number, start, duration, outcome) so a failure says why.
async function doubleClaims(): Promise<DoubleClaim[]> {
  const { rows } = await ctx.db.pool.query<{
    delivery_id: string;
    number: number;
    started: Date;
    duration_ms: number;
    reason: string | null;
  }>(
    `SELECT delivery_id, number, started_at AS started, duration_ms, reason FROM delivery_attempts
      WHERE delivery_id IN (SELECT delivery_id FROM delivery_attempts GROUP BY delivery_id HAVING count(*) > 1)
      ORDER BY delivery_id, started_at, number`,
  );
  const byDelivery = new Map<string, typeof rows>();
  for (const row of rows) byDelivery.set(row.delivery_id, [...(byDelivery.get(row.delivery_id) ?? []), row]);
  const found: DoubleClaim[] = [];
  for (const [deliveryId, attempts] of byDelivery) {
    const apart = attempts.every((attempt, i) => {
      if (i === 0) return true;
      const previous = attempts[i - 1];
      const previousEnd = previous.started.getTime() + previous.duration_ms;
      return (
        previous.reason !== null && attempt.number === previous.number + 1 && attempt.started.getTime() >= previousEnd
      );
    });
    if (!apart)
      found.push({
        delivery_id: deliveryId,
        attempts: attempts.map(
          (a) => `#${a.number} ${a.started.toISOString()} +${a.duration_ms}ms ${a.reason ?? "ok"}`,
        ),
      });
  }
  return found;
}

describe("a worker killed with SIGKILL mid-batch", () => {
  it(
    "loses nothing: its leased deliveries are taken over once the lease expires",
    { timeout: TEST_TIMEOUT },
    async () => {
      const ids = await queueDeliveries(10, 40);
      delayMs = 400;
      // The victim's lease is short, so the test need not wait long for the takeover, yet long
      // enough not to run out before the kill; the survivor's never runs out during the test, so
      // the victim cannot take over a delivery the survivor is still sending.
      const victim = startWorkerProcess(20);
      const survivor = startWorkerProcess(TEST_TIMEOUT / 1000 + 60);
      try {
        // Wait until the victim holds leases, i.e. has claimed deliveries it is sending.
        await expect
          .poll(
            async () => {
              const { rows } = await ctx.db.pool.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM deliveries WHERE lease_owner LIKE $1 AND status = 'pending'",
                [`%:${victim.pid}:%`],
              );
              return rows[0].n;
            },
            { timeout: 60_000, interval: 20 },
          )
          .toBeGreaterThan(0);
        await stopWorkers([victim], "SIGKILL");
        // What the dead worker still holds: nothing can change these rows until their lease expires.
        const { rows: leased } = await ctx.db.pool.query<{ id: string; lease_expires_at: Date }>(
          "SELECT id, lease_expires_at FROM deliveries WHERE lease_owner LIKE $1 AND status IN ('pending', 'retrying')",
          [`%:${victim.pid}:%`],
        );
        expect(leased.length).toBeGreaterThan(0);
        await expect.poll(succeededCount, POLL).toBe(ids.length);

        // Each was taken over: attempted by the survivor, and never before the dead worker's lease expired.
        const { rows: firstAttempts } = await ctx.db.pool.query<{ delivery_id: string; started_at: Date }>(
          "SELECT delivery_id, min(started_at) AS started_at FROM delivery_attempts WHERE delivery_id = ANY($1::text[]) GROUP BY delivery_id",
          [leased.map((row) => row.id)],
        );
        expect(firstAttempts).toHaveLength(leased.length);
        for (const row of leased) {
          const first = firstAttempts.find((attempt) => attempt.delivery_id === row.id)!;
          expect(first.started_at.getTime()).toBeGreaterThanOrEqual(row.lease_expires_at.getTime());
        }

        const received = receivedDeliveryIds();
        expect(new Set(received)).toEqual(new Set(ids));
        // Only what the victim had in flight may have reached the receiver twice (at-least-once).
        const counts = new Map<string, number>();
        for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
        const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
        expect(twice.every((id) => leased.some((row) => row.id === id))).toBe(true);
      } finally {
        victim.kill("SIGKILL");
        await stopWorkers([survivor]);
      }
    },
  );
});

describe("a worker given SIGTERM", () => {
  it(
    "stops claiming, finishes its attempts in flight, records them and exits cleanly",
    { timeout: TEST_TIMEOUT },
    async () => {
      const ids = await queueDeliveries(3, 1);
      delayMs = 1_500;
      const worker = startWorkerProcess();
      const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
      await expect.poll(() => receiver.requests.length, { timeout: 60_000, interval: 20 }).toBe(3);
      worker.kill("SIGTERM");
      expect(await exited).toBe(0);
      const { rows } = await ctx.db.pool.query<{ status: string; lease_owner: string | null; attempt_count: number }>(
        "SELECT status, lease_owner, attempt_count FROM deliveries WHERE id = ANY($1::text[])",
        [ids],
      );
      expect(rows).toEqual(ids.map(() => ({ status: "succeeded", lease_owner: null, attempt_count: 1 })));
    },
  );
});
