import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { API_ROUTE_METHODS, allowedMethods } from "../api/allowed-methods";
import { API_ERROR_CODES } from "../errors";
import { proxy } from "../../proxy";

// proxy.ts runs before Next.js routes a request: the answers it gives itself, and the headers it adds.

function run(url: string, method = "GET") {
  return proxy(new NextRequest(new URL(url, "http://localhost"), { method }));
}

describe("proxy", () => {
  it.each(["/api/v1/webhooks/%FF", "/api/v1/deliveries/%C3%28", "/api/v1/%E0%A4%A"])(
    "answers a path that is not UTF-8 (%s) with a 400 in the API's error shape",
    async (url) => {
      const response = run(url);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.code).toBe("invalid_request");
      expect(json.error.request_id).toMatch(/^api_/);
    },
  );

  it("answers a console path that is not UTF-8 with a plain 400", async () => {
    const response = run("/webhooks/%FF");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not valid UTF-8/);
  });

  it("answers a method an API path does not take with 405, the error shape and Allow", async () => {
    const response = run("/api/v1/events", "PUT");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    const json = await response.json();
    expect(json.error.code).toBe("method_not_allowed");
    expect(Object.keys(API_ERROR_CODES)).toContain(json.error.code);
    expect(run("/api/v1/webhooks/wh_1", "POST").status).toBe(405);
    expect(run("/api/v1/webhooks/wh_1", "PATCH").headers.get("x-middleware-next")).toBe("1");
  });

  it("gives pages a Content-Security-Policy with a fresh nonce, forbidding framing", () => {
    const first = run("/deliveries/dlv_1");
    const second = run("/deliveries/dlv_1");
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(nonce.length).toBeGreaterThanOrEqual(20);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // The request Next.js renders with carries the same policy, so it nonces its own scripts.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });
});

describe("the API method table", () => {
  it("lists exactly the handlers each route file exports", () => {
    const root = path.resolve(__dirname, "../../app/api/v1");
    const verbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    for (const { route, methods } of API_ROUTE_METHODS) {
      const source = fs.readFileSync(path.join(root, route, "route.ts"), "utf8");
      const exported = verbs.filter((verb) =>
        new RegExp(`export (?:const|async function|function) ${verb}\\b`).test(source),
      );
      expect(exported, route).toEqual([...methods].sort((a, b) => verbs.indexOf(a) - verbs.indexOf(b)));
    }
    const routeFiles = fs.readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith("route.ts"));
    expect(routeFiles.length - 1).toBe(API_ROUTE_METHODS.length); // [...path] is the catch-all 404
    expect(allowedMethods("/api/v1/webhooks")).toEqual(["GET", "POST", "HEAD", "OPTIONS"]);
  });
});
