import { z } from "zod";
import { pageQuery } from "../api/schemas";

/** `GET /api/v1/audit-events` and the console's audit page: filters by actor and action. */
export const auditEventListQuery = pageQuery.extend({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});

export type AuditEventListQuery = z.infer<typeof auditEventListQuery>;
