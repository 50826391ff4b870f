import { DocsTable } from "./docs-table";
import { InlineCode } from "./inline-code";
import { SchemaFields, typeLabel, type JsonSchema } from "./schema-fields";

// One operation of the OpenAPI document: method and path, parameters, body, answer and errors.

export type OpenApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean; description?: string; schema: JsonSchema }>;
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<
    string,
    { description?: string; $ref?: string; content?: { "application/json": { schema: JsonSchema } } }
  >;
  "x-error-codes": string[];
};

export function ApiOperation({
  method,
  path,
  op,
  schemas,
}: {
  method: string;
  path: string;
  op: OpenApiOperation;
  /** components/schemas: a body or answer that is a $ref is shown with the fields it names. */
  schemas: Record<string, JsonSchema>;
}) {
  const resolve = (schema: JsonSchema) => (schema.$ref ? (schemas[schema.$ref.split("/").at(-1)!] ?? schema) : schema);
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="mt-8 scroll-mt-4">
      <h3 id={`${op.operationId}-title`}>
        {op.summary}
        <span className="ml-2 font-normal text-slate-500">
          <code>
            {method.toUpperCase()} /api/v1{path}
          </code>
        </span>
      </h3>
      {op.description && (
        <p>
          <InlineCode text={op.description} />
        </p>
      )}
      {op.security?.length === 0 && <p>No token needed.</p>}
      {op.parameters && (
        <>
          <h4 className="mt-4 font-semibold">Parameters</h4>
          <DocsTable columns={["Name", "In", "Type", "Notes"]}>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{p.name}</code>
                  {p.required ? "" : " (optional)"}
                </td>
                <td>{p.in}</td>
                <td>{typeLabel(p.schema)}</td>
                <td>
                  <InlineCode
                    text={[
                      p.description,
                      p.schema.default !== undefined && `default ${JSON.stringify(p.schema.default)}`,
                    ]
                      .filter(Boolean)
                      .join("; ")}
                  />
                </td>
              </tr>
            ))}
          </DocsTable>
        </>
      )}
      {op.requestBody && (
        <>
          <h4 className="mt-4 font-semibold">
            Request body{op.requestBody.required ? "" : " (optional)"}: <code>application/json</code>
          </h4>
          <SchemaFields schema={resolve(op.requestBody.content["application/json"].schema)} />
        </>
      )}
      {success && (
        <>
          <h4 className="mt-4 font-semibold">
            Answer: {success[0]} {success[1].description}
            {success[1].content && <>: {typeLabel(success[1].content["application/json"].schema)}</>}
          </h4>
          {success[1].content && <SchemaFields schema={resolve(success[1].content["application/json"].schema)} />}
        </>
      )}
      {op["x-error-codes"].length > 0 && (
        <p>
          Errors:{" "}
          {op["x-error-codes"].map((code, i) => (
            <span key={code}>
              {i > 0 && ", "}
              <a href={`/docs/error-codes#${code}`}>
                <code>{code}</code>
              </a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
