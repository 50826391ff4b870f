import { AttemptTrigger } from "@prisma/client";
import { z } from "zod";
import { API_REQUEST_ID_PREFIX } from "../api/request-id";
import { API_ERROR_CODES, type ApiErrorCode } from "../errors";
import type { AttemptView, DeliveryView } from "../delivery-log/serialize";
import type { SigningInfo } from "../signing/signing-info";
import type { AuditEventView } from "../audit/queries";
import type { serializeWebhook } from "../webhooks/serialize";
import type { CheckResult } from "../endpoint-check/types";
import type { SecretVerification } from "../secret-check/verify-new-secret";
import type { RecoveryView } from "../recovery/queries";
import type { serializeOrg } from "../orgs/serialize";
import type { DeletedCounts } from "../orgs/delete-org";
import type { IngestResult } from "../events/ingest";

// The shapes the API answers with. Requests are described by the zod schemas the routes validate
// with (imported in operations.ts); these describe what the serializers return, and the type checks
// at the bottom of this file fail the build when a serializer and its schema drift apart.

const time = z.iso.datetime({ offset: true }).describe("ISO 8601 time, UTC");
const nullableTime = time.nullable();

export const webhookSchema = z
  .object({
    id: z.string().describe("`wh_…`"),
    url: z.string().describe("The HTTPS endpoint deliveries are POSTed to"),
    description: z.string(),
    event_types: z.array(z.string()).describe("Event types it receives; empty = all"),
    enabled: z.boolean(),
    disabled_reason: z
      .string()
      .nullable()
      .describe("`gone` (answered 410), `failing` (the auto-disable window) or `manual`; null while enabled"),
    disabled_at: nullableTime,
    retry_schedule: z.string().nullable().describe("This webhook's own retry schedule (`1m,5m,…`); null = the default"),
    rate_limit_per_second: z.number().int().nullable().describe("Attempts per second across every worker; null = none"),
    headers: z
      .array(z.object({ name: z.string() }))
      .describe("Custom headers sent with every attempt: names only, values are write-only"),
    purpose: z.string().describe("`endpoint`, or `alerts` for an alert destination (operational events only)"),
    created_at: time,
    certificate: z
      .object({ expires_at: time, issuer: z.string(), checked_at: nullableTime })
      .nullable()
      .describe(
        "The endpoint's leaf TLS certificate as last seen by an attempt or a check; null for http or before any",
      ),
  })
  .meta({ id: "Webhook" });

export const signingInfoSchema = z
  .object({
    secret: z.string().describe("`whsec_…`: the secret receivers verify signatures with"),
    created_at: time,
    previous: z.array(z.object({ created_at: time, expires_at: time })).describe("Secrets still valid (grace period)"),
  })
  .meta({ id: "SigningInfo" });

export const expiredPreviousSchema = signingInfoSchema
  .extend({ expired: z.number().int().describe("How many previous secrets were ended") })
  .meta({ id: "ExpiredPrevious" });

export const checkResultSchema = z
  .object({
    checked_at: time,
    url: z.string(),
    verdict: z.enum(["ok", "warning", "failing"]),
    steps: z.array(
      z.object({
        name: z.enum(["dns", "tcp", "tls", "http"]),
        status: z.enum(["ok", "warning", "failed", "skipped"]),
        duration_ms: z.number(),
        detail: z.record(z.string(), z.unknown()).describe("What the step saw: addresses, certificate chain, status…"),
        reason: z.string().optional().describe("The delivery failure reason this step ends (or risks)"),
        cause: z.string().optional().describe("What is wrong, in one sentence about this endpoint"),
        fix: z.array(z.string()).optional().describe("The troubleshooting article's advice"),
      }),
    ),
    attempt_id: z.string().optional(),
    request_id: z.string().optional(),
    delivery_id: z.string().optional(),
  })
  .meta({ id: "CheckResult" });

export const secretVerificationSchema = z
  .object({
    accepted: z.boolean().describe("A 2xx to an event signed only with the newest secret"),
    response_status: z.number().int().nullable(),
    request_id: z.string(),
    checked_at: time,
    reason: z.string().nullable().describe("Why, when no status came back (timeout, tls_…)"),
  })
  .meta({ id: "SecretVerification" });

export const recoverySchema = z
  .object({
    id: z.string().describe("`rcv_…`"),
    webhook_id: z.string().nullable().describe("null: every webhook of the organisation"),
    status: z.enum(["running", "completed", "cancelled"]),
    total: z.number().int().describe("Deliveries it recovers"),
    done: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    created_at: time,
    finished_at: nullableTime,
    filters: z.unknown().describe("The filters it was created with"),
  })
  .meta({ id: "Recovery" });

export const recoveryCountSchema = z
  .object({ count: z.number().int().describe("Deliveries a recovery with these filters would recover") })
  .meta({ id: "RecoveryCount" });

export const eventEnvelopeSchema = z.object({
  id: z.string().describe("`evt_…`"),
  type: z.string(),
  created_at: time,
  data: z.unknown(),
});

export const attemptSchema = z
  .object({
    request_id: z.string().describe("`req_…`, unique per attempt: quote it to support"),
    number: z.number().int(),
    trigger: z.enum(Object.values(AttemptTrigger) as [AttemptTrigger, ...AttemptTrigger[]]),
    url: z.string(),
    started_at: time,
    duration_ms: z.number().int(),
    request_headers: z.record(z.string(), z.string()),
    response_status: z.number().int().nullable(),
    response_headers: z.record(z.string(), z.string()).nullable(),
    response_body: z.string().nullable().describe("The first 1 KB as text; null when empty or binary"),
    response_body_base64: z.string().nullable().describe("The same bytes, exactly as received"),
    response_body_truncated: z.boolean(),
    error_code: z.string().nullable().describe("`webhook_delivery_failed` on failure"),
    reason: z.string().nullable(),
    message: z.string().nullable(),
    receiver_request_id: z
      .string()
      .nullable()
      .describe("The receiver's own request id, from the first of its id headers found (X-Request-Id, traceparent, …)"),
    trace_id: z.string().nullable().describe("The trace id of the W3C `traceparent` sent with the attempt"),
  })
  .meta({ id: "Attempt" });

const deliveryFields = {
  id: z.string().describe("`dlv_…`"),
  webhook_id: z.string(),
  status: z.enum(["pending", "retrying", "succeeded", "failed"]),
  event: eventEnvelopeSchema,
  created_at: time,
  attempt_count: z.number().int(),
  next_attempt_at: nullableTime,
  last_attempt: z
    .object({
      request_id: z.string(),
      response_status: z.number().int().nullable(),
      error_code: z.string().nullable(),
      reason: z.string().nullable(),
      duration_ms: z.number().int().nullable(),
      receiver_request_id: z.string().nullable(),
      at: time,
    })
    .nullable(),
};

export const deliverySchema = z.object(deliveryFields).meta({ id: "Delivery" });
export const deliveryDetailSchema = z
  .object({ ...deliveryFields, attempts: z.array(attemptSchema) })
  .meta({ id: "DeliveryDetail" });

export const eventAcceptedSchema = z
  .object({ id: z.string(), deliveries: z.array(z.object({ id: z.string(), webhook_id: z.string() })) })
  .meta({ id: "EventAccepted" });

export const batchEventResultSchema = z
  .object({
    id: z.string().describe("`evt_…`"),
    deliveries: z.array(z.object({ id: z.string(), webhook_id: z.string() })),
    duplicate: z
      .boolean()
      .describe("True when its `idempotency_key` was used before for this event: the first answer, nothing created"),
  })
  .meta({ id: "BatchEventResult" });

export const batchAcceptedSchema = z
  .object({ events: z.array(batchEventResultSchema).describe("One entry per event, in the order sent") })
  .meta({ id: "EventBatchAccepted" });

export const auditEventSchema = z
  .object({
    id: z.string(),
    actor: z.string().describe('"user:<id>", "token:<id>" or "system"'),
    action: z.string(),
    target_type: z.string(),
    target_id: z.string(),
    details: z.record(z.string(), z.unknown()),
    created_at: time,
  })
  .meta({ id: "AuditEvent" });

export const orgSchema = z
  .object({
    id: z.string().describe("`org_…`"),
    name: z.string(),
    external_id: z.string().nullable().describe("The platform's own id for this customer; `ext:<it>` in paths"),
    max_webhooks: z.number().int().describe("Webhooks it may have (default 50)"),
    events_per_second: z.number().int().nullable().describe("Events it may send per second; null = no limit"),
    created_at: time,
  })
  .meta({ id: "Org" });

const deletedCount = z.number().int();
export const orgDeletedSchema = z
  .object({
    deleted: z.object({
      webhooks: deletedCount,
      signing_secrets: deletedCount,
      events: deletedCount,
      deliveries: deletedCount,
      attempts: deletedCount,
      recoveries: deletedCount,
      api_tokens: deletedCount,
      users: deletedCount,
      sessions: deletedCount,
      console_links: deletedCount,
      audit_logs: deletedCount,
    }),
  })
  .meta({ id: "OrgDeleted" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
      request_id: z
        .string()
        .regex(new RegExp(`^${API_REQUEST_ID_PREFIX}_`))
        .describe(
          `\`${API_REQUEST_ID_PREFIX}_…\`: this API request's id, also in the \`X-Request-Id\` header; quote it to support`,
        ),
      fields: z.record(z.string(), z.string()).optional().describe("Per-field messages for invalid input"),
    }),
  })
  .meta({ id: "Error" });

/** `{ data: [...], next_cursor }`: every list of the API. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().describe("Pass as `?cursor=` for the next page; null on the last"),
    })
    .meta({ id });
}

// Compile-time drift checks: each serializer's return type must fit its schema.
type Fits<A extends B, B> = A;
export type SerializerChecks = [
  Fits<ReturnType<typeof serializeWebhook>, z.infer<typeof webhookSchema>>,
  Fits<SigningInfo, z.infer<typeof signingInfoSchema>>,
  Fits<AttemptView, z.infer<typeof attemptSchema>>,
  Fits<DeliveryView, z.infer<typeof deliverySchema>>,
  Fits<AuditEventView, z.infer<typeof auditEventSchema>>,
  Fits<CheckResult, z.infer<typeof checkResultSchema>>,
  Fits<SecretVerification, z.infer<typeof secretVerificationSchema>>,
  Fits<RecoveryView, z.infer<typeof recoverySchema>>,
  Fits<ReturnType<typeof serializeOrg>, z.infer<typeof orgSchema>>,
  Fits<{ deleted: DeletedCounts }, z.infer<typeof orgDeletedSchema>>,
  Fits<IngestResult, z.infer<typeof batchEventResultSchema>>,
];
