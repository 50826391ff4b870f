import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "../../lib/openapi/document";

const HEADER = `// Generated from the NovaVMS Webhooks OpenAPI document by openapi-typescript.
// Do not edit: run \`npm run client:generate\`.

`;

/** The TypeScript types of every path and schema of /api/v1, as openapi-typescript writes them. */
export async function generateClientTypes(): Promise<string> {
  // The version is left out so that a release does not change the generated types.
  const document = buildOpenApiDocument("0.0.0");
  // defaultNonNullable: false keeps fields with a default optional in requests, as the API accepts them.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
  return HEADER + astToString(ast);
}
