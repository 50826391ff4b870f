import { z } from "zod";
import { pageQuery } from "../api/schemas";

// The orgs API's input, validated at the boundary.

const externalId = z
  .string()
  .min(1, "must not be empty")
  .max(255, "at most 255 characters")
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

const limits = {
  max_webhooks: z.number().int("expected a whole number").min(0, "at least 0").max(100_000, "at most 100000"),
  events_per_second: z
    .number()
    .int("expected a whole number")
    .min(1, "at least 1 (null for no limit)")
    .max(1_000_000, "at most 1000000")
    .nullable(),
};

export const createOrgInput = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters"),
  external_id: externalId.nullable().optional(),
  max_webhooks: limits.max_webhooks.optional(),
  events_per_second: limits.events_per_second.optional(),
});

export const updateOrgInput = createOrgInput.partial();

export const orgListQuery = pageQuery.extend({ external_id: externalId.optional() });

export type CreateOrgInput = z.infer<typeof createOrgInput>;
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;
export type OrgListQuery = z.infer<typeof orgListQuery>;
