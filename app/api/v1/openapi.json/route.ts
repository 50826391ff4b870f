import { buildOpenApiDocument } from "@/lib/openapi/document";
import packageJson from "@/package.json";

// Public: the document describes the API, it grants nothing. Built once per process.
let document: Record<string, unknown> | undefined;

export function GET() {
  document ??= buildOpenApiDocument(packageJson.version);
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
