import type { RecoveryFilters } from "./schemas";

/**
 * The deliveries a recovery's filters select, as a SQL condition on `deliveries d` with its
 * parameters numbered from `$first`. One definition for the dry run's count and for the items a
 * recovery is created with, so the count shown is exactly what is then replayed.
 */
export function matchDeliveries(orgId: string, filters: RecoveryFilters, first = 1) {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const conditions = [
    // The org's deliveries are those of its webhooks. Named this way, not by `d.org_id`, the
    // planner reads them webhook by webhook in time order (deliveries are indexed by time per webhook,
    // not per org) instead of every delivery of the org by an index that leads with it.
    `d.webhook_id IN (SELECT w.id FROM webhooks w WHERE w.org_id = ${p(orgId)})`,
    `d.status = ANY(${p(filters.statuses)}::"DeliveryStatus"[])`,
    `d.created_at >= ${p(filters.since)}`,
  ];
  if (filters.until) conditions.push(`d.created_at < ${p(filters.until)}`);
  if (filters.webhook_id) conditions.push(`d.webhook_id = ${p(filters.webhook_id)}`);
  if (filters.reasons?.length) conditions.push(`d.last_reason = ANY(${p(filters.reasons)}::text[])`);
  if (filters.event_types?.length) conditions.push(`d.event_type = ANY(${p(filters.event_types)}::text[])`);
  return { where: conditions.join(" AND "), params };
}
