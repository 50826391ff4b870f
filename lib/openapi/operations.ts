import type { z } from "zod";
import { deliveryListQuery, pageQuery } from "../api/schemas";
import type { ApiErrorCode } from "../errors";
import { ingestEventInput } from "../events/ingest";
import { ingestBatchInput, MAX_BATCH_EVENTS } from "../events/ingest-batch";
import { createWebhookInput, rotateSecretInput, updateWebhookInput } from "../webhooks/schemas";
import { auditEventListQuery } from "../audit/list-query";
import { createRecoveryInput, recoveryListQuery } from "../recovery/schemas";
import { forwardedOperations, organisationOperations } from "./org-operations";
import {
  attemptSchema,
  auditEventSchema,
  batchAcceptedSchema,
  checkResultSchema,
  deliveryDetailSchema,
  deliverySchema,
  eventAcceptedSchema,
  expiredPreviousSchema,
  pageOf,
  recoveryCountSchema,
  recoverySchema,
  secretVerificationSchema,
  signingInfoSchema,
  webhookSchema,
} from "./response-schemas";

// Every operation of /api/v1, with the zod schemas its route handler validates with. The OpenAPI
// document, the reference page and the route-coverage test all read this one list.

export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  /** OpenAPI path under /api/v1, `{id}` for a dynamic segment. */
  path: string;
  operationId: string;
  tag: "Events" | "Webhooks" | "Signing" | "Deliveries" | "Recoveries" | "Audit" | "Organisations" | "Meta";
  summary: string;
  description?: string;
  /** False only for the document itself. */
  auth?: boolean;
  query?: z.ZodType;
  body?: { schema: z.ZodType; name: string; optional?: boolean };
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType };
  /** A second success answer of the same operation (a dry run's 200 beside the 202). */
  alternative?: { status: 200; description: string; schema: z.ZodType };
  errors: ApiErrorCode[];
};

const read: ApiErrorCode[] = ["unauthorized", "not_found"];
const write: ApiErrorCode[] = ["invalid_request", "unauthorized", "not_found", "unsupported_media_type"];

const orgOperations: Operation[] = [
  {
    method: "post",
    path: "/events",
    operationId: "sendEvent",
    tag: "Events",
    summary: "Send an event",
    description:
      "Stores the event and creates one delivery per enabled webhook subscribed to its type (no event types = all). " +
      "The same `idempotency_key` again returns the first answer and creates nothing.",
    body: { schema: ingestEventInput, name: "SendEventInput" },
    success: { status: 202, description: "Accepted: the deliveries it created", schema: eventAcceptedSchema },
    errors: [
      "invalid_request",
      "unauthorized",
      "idempotency_key_reused",
      "conflict",
      "rate_limited",
      "payload_too_large",
      "unsupported_media_type",
    ],
  },
  {
    method: "post",
    path: "/events/batch",
    operationId: "sendEventBatch",
    tag: "Events",
    summary: "Send a batch of events",
    description:
      `1 to ${MAX_BATCH_EVENTS} events, each as \`POST /events\` would store it, in one statement: all of them or none. ` +
      "Each `idempotency_key` works on its own: one used before for the same event answers its first result with " +
      "`duplicate: true`; one used before for another event refuses the batch (409). One invalid event refuses the " +
      "batch (400), its index in the message (`events.3.type: …`).",
    body: { schema: ingestBatchInput, name: "SendEventBatchInput" },
    success: {
      status: 202,
      description: "Accepted: each event's id and deliveries, in order",
      schema: batchAcceptedSchema,
    },
    errors: [
      "invalid_request",
      "unauthorized",
      "idempotency_key_reused",
      "conflict",
      "payload_too_large",
      "unsupported_media_type",
    ],
  },
  {
    method: "get",
    path: "/webhooks",
    operationId: "listWebhooks",
    tag: "Webhooks",
    summary: "List webhooks",
    description: "Newest first, paged with `limit` and `cursor`.",
    query: pageQuery,
    success: { status: 200, description: "A page of webhooks", schema: pageOf(webhookSchema, "WebhookPage") },
    errors: ["invalid_request", "unauthorized"],
  },
  {
    method: "post",
    path: "/webhooks",
    operationId: "createWebhook",
    tag: "Webhooks",
    summary: "Create a webhook",
    description: "Creates the endpoint and its first signing secret. The URL must be `https://` (SSRF-guarded).",
    body: { schema: createWebhookInput, name: "CreateWebhookInput" },
    success: { status: 201, description: "The new webhook", schema: webhookSchema },
    errors: ["invalid_request", "unauthorized", "rate_limited", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/webhooks/{id}",
    operationId: "getWebhook",
    tag: "Webhooks",
    summary: "Get a webhook",
    success: { status: 200, description: "The webhook", schema: webhookSchema },
    errors: read,
  },
  {
    method: "patch",
    path: "/webhooks/{id}",
    operationId: "updateWebhook",
    tag: "Webhooks",
    summary: "Update a webhook",
    description: "Only the fields given change. Disabling parks queued deliveries; enabling sends them.",
    body: { schema: updateWebhookInput, name: "UpdateWebhookInput" },
    success: { status: 200, description: "The updated webhook", schema: webhookSchema },
    errors: write,
  },
  {
    method: "delete",
    path: "/webhooks/{id}",
    operationId: "deleteWebhook",
    tag: "Webhooks",
    summary: "Delete a webhook",
    description: "Also deletes its deliveries and their log.",
    success: { status: 204, description: "Deleted" },
    errors: read,
  },
  {
    method: "get",
    path: "/webhooks/{id}/signing",
    operationId: "getSigningSecret",
    tag: "Signing",
    summary: "Get the signing secret",
    description: "The current secret and the previous ones still inside their grace period.",
    success: { status: 200, description: "The signing secrets", schema: signingInfoSchema },
    errors: read,
  },
  {
    method: "post",
    path: "/webhooks/{id}/signing/rotate",
    operationId: "rotateSigningSecret",
    tag: "Signing",
    summary: "Rotate the signing secret",
    description: "A new secret; the old one keeps signing alongside it for the grace period.",
    body: { schema: rotateSecretInput, name: "RotateSecretInput", optional: true },
    success: { status: 200, description: "The new signing secrets", schema: signingInfoSchema },
    errors: write,
  },
  {
    method: "post",
    path: "/webhooks/{id}/signing/verify",
    operationId: "verifyNewSecret",
    tag: "Signing",
    summary: "Verify the new secret",
    description:
      "Sends a `webhook.secret_check` event signed only with the newest secret (trigger `secret_check`): " +
      "`accepted` says whether the endpoint already verifies with it.",
    success: { status: 200, description: "The endpoint's answer", schema: secretVerificationSchema },
    errors: read,
  },
  {
    method: "post",
    path: "/webhooks/{id}/signing/expire-previous",
    operationId: "expirePreviousSecrets",
    tag: "Signing",
    summary: "End the grace period now",
    description: "Every previous secret stops signing at once; only the newest signs from now on.",
    success: { status: 200, description: "The signing secrets left", schema: expiredPreviousSchema },
    errors: read,
  },
  {
    method: "post",
    path: "/webhooks/{id}/check",
    operationId: "checkEndpoint",
    tag: "Webhooks",
    summary: "Check the endpoint",
    description:
      "Runs the steps of one delivery separately (DNS, TCP, TLS, HTTP with a signed `webhook.test` event recorded " +
      "with trigger `check`), times each, and names the failing step's cause and fix.",
    success: { status: 200, description: "The verdict and every step", schema: checkResultSchema },
    errors: read,
  },
  {
    method: "get",
    path: "/deliveries",
    operationId: "listDeliveries",
    tag: "Deliveries",
    summary: "List deliveries",
    description: "Newest first, each without its attempts, paged with `limit` and `cursor`.",
    query: deliveryListQuery,
    success: { status: 200, description: "A page of deliveries", schema: pageOf(deliverySchema, "DeliveryPage") },
    errors: ["invalid_request", "unauthorized"],
  },
  {
    method: "get",
    path: "/deliveries/{id}",
    operationId: "getDelivery",
    tag: "Deliveries",
    summary: "Get a delivery with its attempts",
    success: { status: 200, description: "The delivery and every attempt", schema: deliveryDetailSchema },
    errors: read,
  },
  {
    method: "post",
    path: "/deliveries/{id}/replay",
    operationId: "replayDelivery",
    tag: "Deliveries",
    summary: "Replay a delivery",
    description:
      "One attempt now (trigger `manual`, new `request_id`, current secret, same body). " +
      "Success marks the delivery succeeded and cancels its retries.",
    success: { status: 200, description: "The attempt it made", schema: attemptSchema },
    errors: read,
  },
  {
    method: "get",
    path: "/recoveries",
    operationId: "listRecoveries",
    tag: "Recoveries",
    summary: "List recoveries",
    description: "Newest first, each with its progress, paged with `limit` and `cursor`; `webhook_id` narrows to one.",
    query: recoveryListQuery,
    success: { status: 200, description: "A page of recoveries", schema: pageOf(recoverySchema, "RecoveryPage") },
    errors: ["invalid_request", "unauthorized"],
  },
  {
    method: "post",
    path: "/recoveries",
    operationId: "createRecovery",
    tag: "Recoveries",
    summary: "Recover deliveries",
    description:
      "Sends again (trigger `recovery`) the deliveries of one webhook, or of every webhook, created in " +
      "`[since, until)` with the given statuses (default `failed`), last failure reasons and event types, at a pace " +
      "that leaves live deliveries first. `dry_run: true` answers 200 with how many it would recover and changes nothing.",
    body: { schema: createRecoveryInput, name: "CreateRecoveryInput" },
    success: { status: 202, description: "The recovery, running", schema: recoverySchema },
    alternative: {
      status: 200,
      description: "Dry run: how many deliveries it would recover",
      schema: recoveryCountSchema,
    },
    errors: ["invalid_request", "unauthorized", "not_found", "recovery_running", "unsupported_media_type"],
  },
  {
    method: "get",
    path: "/recoveries/{id}",
    operationId: "getRecovery",
    tag: "Recoveries",
    summary: "Get a recovery with its progress",
    success: { status: 200, description: "The recovery", schema: recoverySchema },
    errors: read,
  },
  {
    method: "post",
    path: "/recoveries/{id}/cancel",
    operationId: "cancelRecovery",
    tag: "Recoveries",
    summary: "Cancel a recovery",
    description: "No more attempts start; the attempts already made stay in the log.",
    success: { status: 200, description: "The recovery, cancelled", schema: recoverySchema },
    errors: read,
  },
  {
    method: "get",
    path: "/audit-events",
    operationId: "listAuditEvents",
    tag: "Audit",
    summary: "List audit events",
    description: "Who did what and when in the organisation, newest first, filterable by actor and action.",
    query: auditEventListQuery,
    success: { status: 200, description: "A page of audit events", schema: pageOf(auditEventSchema, "AuditEventPage") },
    errors: ["invalid_request", "unauthorized"],
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Meta",
    summary: "This OpenAPI document",
    auth: false,
    success: { status: 200, description: "The OpenAPI 3.1 document" },
    errors: [],
  },
];

/** Every operation of /api/v1: the org's own, the platform's, and the org-level ones under /orgs/{org}/. */
export const operations: Operation[] = [
  ...orgOperations,
  ...organisationOperations,
  ...forwardedOperations([...orgOperations, ...organisationOperations]),
];
