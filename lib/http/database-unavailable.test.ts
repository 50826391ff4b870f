import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPageSession } from "../auth/page-session";
import { createSession } from "../auth/sessions";
import { isDatabaseKnownUnavailable, PROBE_EVERY_MS } from "../db/availability";
import { createTestOrg, createTestUser } from "../testing/org-fixtures";
import { createPausableDatabase, type PausableDatabase } from "../testing/pausable-database";
import { answerIfDatabaseUnavailable, databaseUnavailablePage } from "./database-unavailable";

// The console during a database outage: the web server's front (as scripts/web.ts composes it,
// with a stand-in for Next.js behind it) answers console pages with a 503 "database unavailable,
// retrying" page once a page's session lookup found the database away, keeps the API and docs
// going to their own handlers, and lets pages through again by itself when the database is back.

let database: PausableDatabase;
let server: http.Server;
let origin: string;
let token: string;

beforeAll(async () => {
  database = await createPausableDatabase();
  const { db, cipher } = database.context;
  const { orgId } = await createTestOrg(db, cipher);
  const user = await createTestUser(db, orgId, "admin");
  token = (await createSession(db, user.id, { hours: 1 })).token;
  server = http.createServer(async (request, response) => {
    if (await answerIfDatabaseUnavailable(request, response)) return;
    response.writeHead(200, { "content-type": "text/plain" }).end(`next.js: ${request.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.close();
});

describe("console pages during a database outage", () => {
  it("answers 503 'database unavailable, retrying' without a stack trace, then pages again once it is back", async () => {
    const { db } = database.context;
    expect(await readPageSession(db, token)).toMatchObject({ user: { role: "admin" } });
    expect((await fetch(`${origin}/deliveries`)).status).toBe(200);

    await database.pause();
    try {
      // Until a page finds the database away nothing is probed and pages go to Next.js.
      expect(await isDatabaseKnownUnavailable()).toBe(false);
      expect(await readPageSession(db, token)).toBe("database_unavailable");

      const page = await fetch(`${origin}/webhooks/wh_1?tab=signing`);
      expect(page.status).toBe(503);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("x-frame-options")).toBe("DENY");
      const html = await page.text();
      expect(html).toContain("<h1>Database unavailable, retrying</h1>");
      expect(html).toContain('<meta http-equiv="refresh" content="5;url=/webhooks/wh_1?tab=signing">');
      expect(html).toContain('<a href="/webhooks/wh_1?tab=signing">Try again now</a>');
      expect(html).not.toMatch(/ECONNREFUSED|Error|at .+\(.+:\d+:\d+\)/);

      const head = await fetch(`${origin}/deliveries`, { method: "HEAD" });
      expect(head.status).toBe(503);
      // The API answers its own 503 JSON; docs and static files need no database.
      for (const path of ["/api/v1/webhooks", "/api/health", "/docs/signing", "/_next/static/x.js"]) {
        const response = await fetch(`${origin}${path}`);
        expect([path, response.status]).toEqual([path, 200]);
      }
      // A sign-in form post is not a page view: it reaches its action (which reports the outage).
      expect((await fetch(`${origin}/sign-in`, { method: "POST" })).status).toBe(200);
    } finally {
      await database.resume();
    }
    // Back: the next probe (at most one a second) finds it and pages go through again.
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    const back = await fetch(`${origin}/deliveries`);
    expect(back.status).toBe(200);
    expect(await back.text()).toBe("next.js: /deliveries");
    expect(await isDatabaseKnownUnavailable()).toBe(false);
    expect(await readPageSession(db, token)).toMatchObject({ user: { role: "admin" } });
  });

  it("escapes the path it links back to, and never links off the site", () => {
    const html = databaseUnavailablePage(`/webhooks/"><script>alert(1)</script>`);
    expect(html).not.toContain("<script>");
    expect(html).toContain("/webhooks/&#34;&#62;&#60;script&#62;");
    expect(databaseUnavailablePage("//evil.example/x")).toContain('<a href="/">Try again now</a>');
  });
});
