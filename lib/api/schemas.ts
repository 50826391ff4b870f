import { z } from "zod";

export const pageQuery = z.strictObject({
  limit: z.coerce
    .number("expected a number")
    .int("expected a whole number")
    .min(1, "at least 1")
    .max(100, "at most 100")
    .default(20),
  cursor: z.string().max(512).optional(),
});

export const isoDate = z.iso
  .datetime({ offset: true, message: "expected an ISO 8601 time such as 2026-01-31T12:00:00Z" })
  .transform((v) => new Date(v));

export const deliveryListQuery = pageQuery.extend({
  webhook_id: z.string().max(64).optional(),
  status: z
    .enum(["pending", "retrying", "succeeded", "failed"], "expected pending, retrying, succeeded or failed")
    .optional(),
  event_type: z.string().max(100).optional(),
  request_id: z.string().max(64).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});
