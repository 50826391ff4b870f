import { z } from "zod";
import { alertDestinationInput } from "../alerts/destinations";
import { API_ROUTE_METHODS } from "../api/allowed-methods";
import { createConsoleLinkInput } from "../console-links/create-link";
import type { ApiErrorCode } from "../errors";
import { createOrgInput, orgListQuery, updateOrgInput } from "../orgs/schemas";
import type { Operation } from "./operations";
import { orgDeletedSchema, orgSchema, pageOf, webhookSchema } from "./response-schemas";

// The operations of a platform serving many customers: the orgs API (the operator token, bound to
// no org), console links and alert destinations (made for one org), and every org-level operation
// again under /orgs/{org}/, which the orgs dispatcher forwards to the same route handler.

const platform: ApiErrorCode[] = ["unauthorized", "forbidden", "not_found"];
const operatorOnly = "With the operator token, as `/orgs/{org}/…`; an org's own API token is refused (403).";

export const organisationOperations: Operation[] = [
  {
    method: "get",
    path: "/orgs",
    operationId: "listOrgs",
    tag: "Organisations",
    summary: "List organisations",
    description: "The operator token only. Oldest first, paged; `external_id` finds your own customer's org.",
    query: orgListQuery,
    success: { status: 200, description: "A page of organisations", schema: pageOf(orgSchema, "OrgPage") },
    errors: ["invalid_request", "unauthorized", "forbidden"],
  },
  {
    method: "post",
    path: "/orgs",
    operationId: "createOrg",
    tag: "Organisations",
    summary: "Create an organisation",
    description: "The operator token only. `external_id` is your own id for the customer, unique.",
    body: { schema: createOrgInput, name: "CreateOrgInput" },
    success: { status: 201, description: "The new organisation", schema: orgSchema },
    errors: ["invalid_request", "unauthorized", "forbidden", "conflict", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/orgs/{org}",
    operationId: "getOrg",
    tag: "Organisations",
    summary: "Get an organisation",
    description: "The operator token only. `{org}` is the org's id or `ext:<external_id>`.",
    success: { status: 200, description: "The organisation", schema: orgSchema },
    errors: platform,
  },
  {
    method: "patch",
    path: "/orgs/{org}",
    operationId: "updateOrg",
    tag: "Organisations",
    summary: "Update an organisation and its limits",
    description: "The operator token only. Only the fields given change.",
    body: { schema: updateOrgInput, name: "UpdateOrgInput" },
    success: { status: 200, description: "The updated organisation", schema: orgSchema },
    errors: [...platform, "invalid_request", "conflict", "unsupported_media_type"],
  },
  {
    method: "delete",
    path: "/orgs/{org}",
    operationId: "deleteOrg",
    tag: "Organisations",
    summary: "Delete an organisation and everything of it",
    description: "The operator token only. Deletes in batches and says how many rows of each kind went.",
    success: { status: 200, description: "How many of each were deleted", schema: orgDeletedSchema },
    errors: [...platform, "conflict"],
  },
  {
    method: "post",
    path: "/console-links",
    operationId: "createConsoleLink",
    tag: "Organisations",
    summary: "Create a one-time console sign-in link",
    description: `${operatorOnly} The link signs \`email\` in once (created with \`role\` on first use) and lands on the delivery log.`,
    body: { schema: createConsoleLinkInput, name: "CreateConsoleLinkInput" },
    success: {
      status: 201,
      description: "The link, shown once",
      schema: z.object({ url: z.string(), expires_at: z.iso.datetime({ offset: true }) }).meta({ id: "ConsoleLink" }),
    },
    errors: ["invalid_request", "unauthorized", "forbidden", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/alert-destinations",
    operationId: "listAlertDestinations",
    tag: "Webhooks",
    summary: "List alert destinations",
    description: `Webhooks of purpose \`alerts\`, oldest first. ${operatorOnly} Console admins manage them in Settings.`,
    success: {
      status: 200,
      description: "Every alert destination",
      schema: pageOf(webhookSchema, "AlertDestinationPage"),
    },
    errors: ["unauthorized", "forbidden"],
  },
  {
    method: "post",
    path: "/alert-destinations",
    operationId: "createAlertDestination",
    tag: "Webhooks",
    summary: "Add an alert destination",
    description: `A webhook that receives NovaVMS's operational events only, with its own signing secret. ${operatorOnly}`,
    body: { schema: alertDestinationInput, name: "AlertDestinationInput" },
    success: { status: 201, description: "The new alert destination", schema: webhookSchema },
    errors: ["invalid_request", "unauthorized", "forbidden", "rate_limited", "unsupported_media_type"],
  },
];

/**
 * Every org-level operation (an `orgLevel` route of the method table) again as
 * `/orgs/{org}/<path>`: the same body and answers, the operator token acting for that org, or the
 * org's own token for its own org (another org's token: 404).
 */
export function forwardedOperations(operations: Operation[]): Operation[] {
  const orgLevel = new Set(
    API_ROUTE_METHODS.filter((route) => route.orgLevel).map(({ route }) => `/${route.replace(/\[(\w+)\]/g, "{$1}")}`),
  );
  return operations
    .filter((op) => orgLevel.has(op.path))
    .map((op) => ({
      ...op,
      path: `/orgs/{org}${op.path}`,
      operationId: `${op.operationId}ForOrg`,
      tag: "Organisations",
      summary: `${op.summary} (for an organisation)`,
      description:
        "`" +
        `${op.method.toUpperCase()} ${op.path}` +
        "` for the organisation `{org}` (its id or `ext:<external_id>`), with the operator token or that org's own API token. " +
        (op.description ?? ""),
      errors: [...new Set([...op.errors, "not_found" as const])],
    }));
}
