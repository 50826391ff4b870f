import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "@/lib/context";
import { createTestOrg } from "@/lib/testing/org-fixtures";
import { createPausableDatabase, type PausableDatabase } from "@/lib/testing/pausable-database";
import * as health from "../health/route";
import * as events from "./events/route";
import * as webhooks from "./webhooks/route";

// While the database is away the API says so (503 database_unavailable with Retry-After, never a
// 500), /api/health names the problem, and both recover by themselves when it is back.

let database: PausableDatabase;
let token: string;
beforeAll(async () => {
  database = await createPausableDatabase();
  setAppContext(database.context);
  token = (await createTestOrg(database.context.db, database.context.cipher)).apiToken;
});
afterAll(async () => {
  setAppContext(undefined);
  await database.close();
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, method = "GET", body?: unknown) {
  const request = new Request("http://localhost/api/v1/x", {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("the API during a database outage", () => {
  it("answers 503 database_unavailable with Retry-After, then recovers", async () => {
    expect((await call(webhooks.GET as Handler)).status).toBe(200);
    await database.pause();
    try {
      for (const response of [
        await call(webhooks.GET as Handler),
        await call(events.POST as Handler, "POST", { type: "camera.offline", data: {} }),
      ]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("5");
        const json = await response.json();
        expect(json.error.code).toBe("database_unavailable");
        expect(json.error.request_id).toMatch(/\w/);
      }
      const down = await health.GET();
      expect(down.status).toBe(503);
      const report = await down.json();
      expect(report.database).toBe("unreachable");
      expect(report.problem).toMatch(/database unreachable \(ECONNREFUSED\)/);
    } finally {
      await database.resume();
    }
    expect((await call(webhooks.GET as Handler)).status).toBe(200);
    expect((await health.GET()).status).toBe(200);
  });
});
