import { DocsTable } from "./docs-table";
import type { ReactNode } from "react";
import { InlineCode } from "./inline-code";

// Renders a JSON Schema object of the OpenAPI document as a table of its fields, with links to
// the named schemas it refers to.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
};

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

export function SchemaFields({ schema }: { schema: JsonSchema }) {
  if (schema.$ref) return <p>{typeLabel(schema)}</p>;
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p>{typeLabel(schema)}</p>;
  const required = new Set(schema.required ?? []);
  return (
    <DocsTable columns={["Field", "Type", "Notes"]}>
      {properties.map(([name, field]) => (
        <tr key={name}>
          <td>
            <code>{name}</code>
            {required.has(name) ? "" : " (optional)"}
          </td>
          <td>{typeLabel(field)}</td>
          <td>
            <InlineCode text={notes(field)} />
          </td>
        </tr>
      ))}
    </DocsTable>
  );
}

export function typeLabel(schema: JsonSchema): ReactNode {
  if (schema.$ref) {
    const name = schema.$ref.split("/").at(-1)!;
    return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  }
  if (schema.anyOf) {
    return schema.anyOf.map((option, i) => (
      <span key={i}>
        {i > 0 && " | "}
        {typeLabel(option)}
      </span>
    ));
  }
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return <>{schema.items ? typeLabel(schema.items) : "any"}[]</>;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "object" && schema.properties) return "object";
  if (schema.type === "object") return "object (any keys)";
  return `${schema.type ?? "any JSON"}${schema.format ? ` (${schema.format})` : ""}`;
}

function notes(schema: JsonSchema): string {
  const parts = [schema.description ?? ""];
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) parts.push(`matches \`${schema.pattern}\``);
  return parts.filter(Boolean).join("; ");
}
