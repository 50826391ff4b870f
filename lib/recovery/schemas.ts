import { z } from "zod";
import { isoDate, pageQuery } from "../api/schemas";
import { FAILURE_REASONS, type FailureReason } from "../failures/reasons";
import { eventTypeSchema } from "../webhooks/schemas";

const reasons = Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]];

/** `POST /api/v1/recoveries`: which deliveries to recover (sent between since and until). */
export const createRecoveryInput = z
  .strictObject({
    webhook_id: z.string().min(1).max(64).optional(),
    since: isoDate,
    until: isoDate.optional(),
    statuses: z
      .array(z.enum(["failed", "retrying"], "expected failed or retrying"))
      .min(1, "at least one status")
      .default(["failed"]),
    reasons: z
      .array(z.enum(reasons, `expected one of ${reasons.join(", ")}`))
      .max(20)
      .optional(),
    event_types: z.array(eventTypeSchema).max(100, "at most 100 event types").optional(),
    dry_run: z.boolean().default(false),
  })
  .refine((input) => !input.until || input.until > input.since, {
    message: "must be after since",
    path: ["until"],
  });

export type CreateRecoveryInput = z.infer<typeof createRecoveryInput>;
export type RecoveryFilters = Omit<CreateRecoveryInput, "dry_run">;

export const recoveryListQuery = pageQuery.extend({ webhook_id: z.string().max(64).optional() });
