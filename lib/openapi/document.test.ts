import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_ROUTE_METHODS, ORG_SCOPED_ROUTE_METHODS } from "../api/allowed-methods";
import { API_ERROR_CODES } from "../errors";
import { buildOpenApiDocument } from "./document";
import { GET } from "@/app/api/v1/openapi.json/route";
import { ORG_ROUTES } from "@/app/api/v1/orgs/[org]/[...path]/org-routes";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api/v1");
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, unknown>; "x-error-codes": string[] }>>;
  components: { responses: Record<string, { description: string }>; schemas: Record<string, unknown> };
};
const document = buildOpenApiDocument("1.2.3") as unknown as Doc;

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document whose every $ref resolves", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(document) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) {
      expect(
        (document.components as Record<string, Record<string, unknown>>)[kind][name],
        `${kind}/${name}`,
      ).toBeDefined();
    }
  });

  it("has an operation for every route handler under app/api/v1 and every form the orgs dispatcher forwards, and no other", () => {
    const fromFiles = routeFileOperations();
    const fromDocument = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(fromFiles.length).toBeGreaterThanOrEqual(13);
    expect(fromDocument.sort()).toEqual(fromFiles.sort());
  });

  it("has an operation for every path and method the proxy's 405 table allows, and no other", () => {
    const fromTable = [...API_ROUTE_METHODS, ...ORG_SCOPED_ROUTE_METHODS].flatMap(({ route, methods }) =>
      methods.map((method) => `${method} /${route.replace(/\[(\w+)\]/g, "{$1}")}`),
    );
    const fromDocument = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(fromDocument.sort()).toEqual(fromTable.sort());
    for (const methods of Object.values(document.paths)) {
      for (const op of Object.values(methods)) expect(op["x-error-codes"]).toContain("method_not_allowed");
    }
  });

  it("documents the error shape with the API's own api_ request id", () => {
    const error = document.components.schemas.Error as {
      properties: { error: { properties: { request_id: { pattern: string; description: string } } } };
    };
    const requestId = error.properties.error.properties.request_id;
    expect(requestId.pattern).toBe("^api_");
    expect(requestId.description).toContain("`api_…`");
  });

  it("documents every error code, and each operation's responses name the codes it can answer with", () => {
    for (const code of Object.keys(API_ERROR_CODES)) {
      const name = Object.keys(document.components.responses).find((n) =>
        document.components.responses[n].description.startsWith(`\`${code}\``),
      );
      expect(name, code).toBeDefined();
    }
    const events = document.paths["/events"].post;
    expect(events["x-error-codes"]).toEqual(
      expect.arrayContaining(["invalid_request", "payload_too_large", "unauthorized"]),
    );
    expect(Object.keys(events.responses)).toEqual(expect.arrayContaining(["202", "400", "401", "413", "415", "500"]));
  });

  it("describes request bodies with the routes' own zod schemas, and pagination and auth", () => {
    const text = JSON.stringify(document);
    // From createWebhookInput and ingestEventInput: a rule that exists only in those schemas.
    expect(document.components.schemas.CreateWebhookInput).toMatchObject({
      required: ["url"],
      properties: { event_types: { maxItems: 100 } },
    });
    expect(document.components.schemas.SendEventInput).toMatchObject({
      properties: { idempotency_key: { maxLength: 255 } },
    });
    expect(document.components.schemas.SendEventBatchInput).toMatchObject({
      required: ["events"],
      properties: {
        events: { minItems: 1, maxItems: 500, items: { properties: { idempotency_key: { maxLength: 255 } } } },
      },
    });
    expect(Object.keys(document.paths["/events/batch"].post.responses)).toEqual(
      expect.arrayContaining(["202", "400", "409", "413"]),
    );
    expect(document.components.schemas.DeliveryPage).toMatchObject({ required: ["data", "next_cursor"] });
    expect(text).toContain('"bearerAuth":{"type":"http","scheme":"bearer"');
  });

  it("describes recovery's dry run and the webhook's policy and health fields", () => {
    const create = document.paths["/recoveries"].post;
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["200", "202", "409"]));
    expect(create["x-error-codes"]).toContain("recovery_running");
    expect(document.components.schemas.Webhook).toMatchObject({
      properties: { retry_schedule: {}, rate_limit_per_second: {}, headers: {}, disabled_reason: {}, purpose: {} },
    });
    expect(document.components.schemas.CreateWebhookInput).toMatchObject({
      properties: {
        rate_limit_per_second: { anyOf: [{ type: "integer", minimum: 1, maximum: 10_000 }, { type: "null" }] },
        headers: { maxItems: 20 },
      },
    });
  });

  it("is served at GET /api/v1/openapi.json without a token", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths)).toEqual(Object.keys(document.paths));
  });
});

/**
 * "GET /webhooks/{id}" for each exported HTTP method of each route.ts, the catch-alls excepted, and
 * "GET /orgs/{org}/webhooks/{id}" for each handler the /orgs/{org}/[...path] catch-all forwards to.
 */
function routeFileOperations(): string[] {
  return [...routeFiles(), ...forwardedByOrgs()];
}

function forwardedByOrgs(): string[] {
  return ORG_ROUTES.flatMap(([pattern, module]) =>
    Object.keys(module)
      .filter((method) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method))
      .map((method) => `${method} /orgs/{org}/${pattern.replace(/:id/g, "{id}")}`),
  );
}

function routeFiles(): string[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts" && !file.includes("[..."),
  );
  return files.flatMap((file) => {
    const route =
      "/" +
      path
        .dirname(file)
        .split(path.sep)
        .join("/")
        .replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(path.join(API_DIR, file), "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
    return methods.map(([, method]) => `${method} ${route}`);
  });
}
