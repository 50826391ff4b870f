import { z } from "zod";
import { validateWebhookUrl } from "../transport/validate-url";
import { customHeadersSchema } from "../webhook-policy/custom-headers";
import { retryScheduleSchema } from "../webhook-policy/retry-schedule";

/** `camera.offline`, `recording.ready`: lower-case dot-separated words. */
export const eventTypeSchema = z
  .string()
  .max(100, "at most 100 characters")
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'expected a dotted lower-case name such as "camera.offline"');

/** The event types NovaVMS emits, offered as choices in the console (any well-formed type is accepted). */
export const KNOWN_EVENT_TYPES = [
  "camera.offline",
  "camera.online",
  "recording.ready",
  "recording.failed",
  "motion.detected",
  "storage.low",
] as const;

const urlSchema = z.string().transform((value, ctx) => {
  const result = validateWebhookUrl(value.trim());
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.url;
});

const descriptionSchema = z.string().max(500, "at most 500 characters");
const eventTypesSchema = z.array(eventTypeSchema).max(100, "at most 100 event types");
// Per-webhook policy: null clears a setting back to the default.
const policyFields = {
  retry_schedule: retryScheduleSchema.nullable(),
  rate_limit_per_second: z.number().int("expected a whole number").min(1).max(10_000).nullable(),
  headers: customHeadersSchema,
};

export const createWebhookInput = z.strictObject({
  url: urlSchema,
  description: descriptionSchema.default(""),
  event_types: eventTypesSchema.default([]),
  enabled: z.boolean().default(true),
  retry_schedule: policyFields.retry_schedule.default(null),
  rate_limit_per_second: policyFields.rate_limit_per_second.default(null),
  headers: policyFields.headers.default([]),
});

// Built from the fields without their defaults: zod applies a default even inside .partial(), so
// `createWebhookInput.partial()` would turn `{ "enabled": false }` into a reset of the description
// and event types, and any update that leaves `enabled` out into a re-enable.
export const updateWebhookInput = z
  .strictObject({
    url: urlSchema,
    description: descriptionSchema,
    event_types: eventTypesSchema,
    enabled: z.boolean(),
    ...policyFields,
  })
  .partial();

type PolicyKey = keyof typeof policyFields;
// The policy fields may be left out by code that creates webhooks without going through the schema.
export type CreateWebhookInput = Omit<z.infer<typeof createWebhookInput>, PolicyKey> &
  Partial<Pick<z.infer<typeof createWebhookInput>, PolicyKey>> & {
    /** Not API input: "alerts" for an alert destination (lib/alerts/destinations.ts). */
    purpose?: "endpoint" | "alerts";
  };
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

export const rotateSecretInput = z.strictObject({
  grace_period_seconds: z
    .number("expected a number of seconds")
    .int("expected whole seconds")
    .min(0, "at least 0")
    .max(604_800, "at most 604800 (7 days)")
    .default(86_400),
});
