import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDuration } from "../config";
import { createTestDispatcher } from "../testing/engine-fixtures";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { DEMO_RETRY_SCHEDULE } from "./defaults";
import { sandboxAnswer } from "./sandbox";
import { seedDemo } from "./seed";

// The slow receiver answers long after the timeout, and the others answer at once: 8 s between
// "at once" and the timeout leaves room for a loaded machine, where this process (which also runs
// the embedded database) may answer seconds late.
const TIMEOUT_MS = 8_000;
const SLOW_MS = 60_000;

let ctx: TestContext;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  ctx = await createTestContext();
  // The sandbox's answers served as the app's /api/sandbox route serves them.
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const answer = sandboxAnswer((req.url ?? "").replace("/api/sandbox/", "").split("/"), { slowMs: SLOW_MS });
      setTimeout(
        () => res.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body),
        answer.delayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await ctx.close();
});

describe("demo data", () => {
  it("shows succeeded, retrying and failed deliveries within a minute of the demo schedule", async () => {
    const { orgId } = await createTestOrg(ctx.db, ctx.cipher);
    const schedule = DEMO_RETRY_SCHEDULE.split(",").map((d) => parseDuration(d)!);
    expect(schedule.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60_000);
    await seedDemo(ctx, orgId, baseUrl);
    const start = new Date();
    const test = createTestDispatcher(ctx, { retryScheduleMs: schedule, timeoutMs: TIMEOUT_MS, start });
    try {
      await test.dispatcher.runUntilIdle();
      const early = await statuses(orgId);
      expect(early.succeeded).toBeGreaterThan(0);
      expect(early.retrying).toBeGreaterThan(0);
      for (let seconds = 5; seconds <= 60; seconds += 5) {
        test.clock.now = new Date(start.getTime() + seconds * 1000);
        await test.dispatcher.runUntilIdle();
      }
      const minute = await statuses(orgId);
      expect(minute.failed).toBeGreaterThanOrEqual(8); // the broken and the slow receiver, 4 events each
      expect(minute.succeeded).toBeGreaterThanOrEqual(8); // the healthy and the large-response receiver
      const big = await ctx.db.prisma.deliveryAttempt.findFirstOrThrow({
        where: { orgId, url: `${baseUrl}/api/sandbox/big` },
      });
      expect(big.responseBody?.length).toBe(1024);
      expect(big.responseBodyTruncated).toBe(true);
      const slow = await ctx.db.prisma.deliveryAttempt.findFirstOrThrow({
        where: { orgId, url: `${baseUrl}/api/sandbox/slow` },
      });
      expect(slow.reason).toBe("timeout");
    } finally {
      await test.close();
    }
  });
});

async function statuses(orgId: string) {
  const rows = await ctx.db.prisma.delivery.groupBy({ by: ["status"], where: { orgId }, _count: true });
  const counts = { pending: 0, retrying: 0, succeeded: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row._count;
  return counts;
}
