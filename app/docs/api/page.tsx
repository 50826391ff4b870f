import type { Metadata } from "next";
import Link from "next/link";
import { ApiOperation, type OpenApiOperation } from "@/components/docs/api-operation";
import { Prose } from "@/components/docs/prose";
import { SchemaFields, schemaAnchor, type JsonSchema } from "@/components/docs/schema-fields";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import packageJson from "@/package.json";

export const metadata: Metadata = { title: "API reference" };

type Document = {
  info: { version: string };
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, OpenApiOperation & { tags: string[] }>>;
  components: { schemas: Record<string, JsonSchema> };
};

// Rendered on the server from the same OpenAPI document GET /api/v1/openapi.json serves: no
// script and nothing loaded from elsewhere.
export default function ApiReferencePage() {
  const doc = buildOpenApiDocument(packageJson.version) as unknown as Document;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <Prose>
      <h1>API reference</h1>
      <p>
        Base URL <code>/api/v1</code> on your NovaVMS Webhooks host, JSON in and out, times in ISO 8601 (UTC). Every
        call but the document itself needs <code>Authorization: Bearer &lt;API token&gt;</code> (Settings → API token).
        Lists answer <code>{"{ data: [...], next_cursor }"}</code>: pass <code>next_cursor</code> as{" "}
        <code>?cursor=</code> for the next page, <code>?limit=</code> 1–100. Errors answer{" "}
        <code>{"{ error: { code, message, request_id } }"}</code>; the codes are in the{" "}
        <Link href="/docs/error-codes">error code reference</Link>.
      </p>
      <p>
        The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, version{" "}
        {doc.info.version}). A typed TypeScript client generated from it is in the repository under{" "}
        <code>clients/typescript/</code>.
      </p>
      <nav aria-label="Operations">
        <ul>
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>{op.summary}</a>{" "}
              <code>
                {method.toUpperCase()} {path}
              </code>
            </li>
          ))}
        </ul>
      </nav>
      {doc.tags.map(({ name }) => (
        <section key={name} aria-labelledby={`tag-${name}`}>
          <h2 id={`tag-${name}`}>{name}</h2>
          {operations
            .filter(({ op }) => op.tags.includes(name))
            .map(({ path, method, op }) => (
              <ApiOperation key={op.operationId} method={method} path={path} op={op} schemas={doc.components.schemas} />
            ))}
        </section>
      ))}
      <h2 id="schemas">Schemas</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <section key={name} id={schemaAnchor(name)} className="scroll-mt-4" aria-labelledby={`${name}-title`}>
          <h3 id={`${name}-title`}>{name}</h3>
          <SchemaFields schema={schema} />
        </section>
      ))}
    </Prose>
  );
}
