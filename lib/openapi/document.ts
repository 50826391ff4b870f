import { z } from "zod";
import { API_REQUEST_ID_PREFIX } from "../api/request-id";
import { API_ERROR_CODES, type ApiErrorCode } from "../errors";
import { operations, type Operation } from "./operations";
import { errorSchema } from "./response-schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the operation list and its zod schemas
// (zod 4's own JSON Schema output, draft 2020-12, which is OpenAPI 3.1's schema dialect).

type Json = Record<string, unknown>;
const REF = "#/components/schemas/";

export function buildOpenApiDocument(version: string): Json {
  const schemas: Record<string, Json> = {};
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method] = buildOperation(op, schemas);
  }
  schemaOf(errorSchema, "output", schemas); // stored as components/schemas/Error
  return {
    openapi: "3.1.0",
    info: {
      title: "NovaVMS Webhooks API",
      version,
      description:
        "Send events to your organisation's webhooks and read their deliveries. JSON in and out; times are ISO 8601. " +
        "Lists are `{ data, next_cursor }` with `?limit=` (1–100) and `?cursor=`. Errors are " +
        "`{ error: { code, message, request_id } }` with the codes below; `request_id` is this request's " +
        `\`${API_REQUEST_ID_PREFIX}_…\` id, also sent as the \`X-Request-Id\` header.`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "The organisation's API token (Settings)." },
      },
      schemas,
      responses: Object.fromEntries(
        (Object.keys(API_ERROR_CODES) as ApiErrorCode[]).map((code) => [
          errorResponseName(code),
          {
            description: `\`${code}\`: ${API_ERROR_CODES[code].description}`,
            content: { "application/json": { schema: { $ref: `${REF}Error` } } },
          },
        ]),
      ),
    },
  };
}

function buildOperation(op: Operation, schemas: Record<string, Json>): Json {
  const parameters: Json[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (op.query) {
    const query = schemaOf(op.query, "input", schemas);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(query.properties as Record<string, Json>)) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: required.has(name), schema: rest, description });
    }
  }
  // Any operation can meet a wrong method (the proxy's 405); one that reads the database, an outage
  // (503) or an unexpected error (500).
  const always: ApiErrorCode[] =
    op.auth === false ? ["method_not_allowed"] : ["method_not_allowed", "database_unavailable", "internal_error"];
  const errorCodes: ApiErrorCode[] = [...new Set([...op.errors, ...always])];
  const responses: Json = {
    [op.success.status]: {
      description: op.success.description,
      ...(op.success.schema && {
        content: { "application/json": { schema: schemaOf(op.success.schema, "output", schemas) } },
      }),
    },
  };
  if (op.alternative) {
    responses[op.alternative.status] = {
      description: op.alternative.description,
      content: { "application/json": { schema: schemaOf(op.alternative.schema, "output", schemas) } },
    };
  }
  for (const code of errorCodes) {
    const status = String(API_ERROR_CODES[code].status);
    // Several codes can share a status (none do today); the first keeps the slot, all are listed.
    responses[status] ??= { $ref: `#/components/responses/${errorResponseName(code)}` };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(op.auth === false && { security: [] }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: {
        required: !op.body.optional,
        content: { "application/json": { schema: named(op.body.name, op.body.schema, "input", schemas) } },
      },
    }),
    responses,
    "x-error-codes": errorCodes,
  };
}

/** A schema stored once under components/schemas/<name> and referenced from the operation. */
function named(name: string, schema: z.ZodType, io: "input" | "output", schemas: Record<string, Json>): Json {
  schemas[name] ??= schemaOf(schema, io, schemas);
  return { $ref: `${REF}${name}` };
}

/**
 * JSON Schema of `schema`; sub-schemas given an id with `.meta({ id })` go to components/schemas
 * and are referenced, so generated clients get one named type for each.
 */
function schemaOf(schema: z.ZodType, io: "input" | "output", schemas: Record<string, Json>): Json {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
    override: ({ jsonSchema }) => tidy(jsonSchema as Json),
  }) as Json;
  const defs = (json.$defs ?? {}) as Record<string, Json>;
  delete json.$defs;
  delete json.$schema;
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  for (const [name, def] of Object.entries(defs)) schemas[name] ??= rewriteRefs(def);
  const rewritten = rewriteRefs(json);
  if (!id) return rewritten;
  schemas[id] ??= rewritten;
  return { $ref: `${REF}${id}` };
}

/** Drops what only adds noise for readers and generators: zod's date-time regex, safe-integer bounds. */
function tidy(json: Json): void {
  delete json.$schema;
  if (json.format === "date-time") delete json.pattern;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
}

function rewriteRefs(json: Json): Json {
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${REF}`)) as Json;
}

function errorResponseName(code: ApiErrorCode): string {
  return code.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
}
