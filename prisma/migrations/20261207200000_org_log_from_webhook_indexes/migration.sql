-- Every delivery was written into 11 indexes when it was created, and into each one again when its
-- attempt's result changed it. Three of them served only the org-wide log: its two orders and its
-- status filter, which the same per-webhook indexes serve too, since every delivery belongs to a
-- webhook of its org. An org-wide page is now read webhook by webhook, each webhook's newest rows
-- up to the page size, and merged (lib/delivery-log/queries.ts listDeliveries), which costs one
-- index descent per webhook of the org. Creating a delivery (bench scenario 5, fan-out 50) cost
-- PostgreSQL about a fifth less CPU without them.

-- DropIndex
DROP INDEX "deliveries_org_id_created_at_id_idx";

-- DropIndex
DROP INDEX "deliveries_org_id_activity_at_id_idx";

-- DropIndex
DROP INDEX "deliveries_org_id_status_activity_at_id_idx";

-- The indexes of deliveries now, each for the query named:
-- deliveries_pkey (id): every read and update of one delivery (claim, result, Replay, detail).
-- deliveries_next_attempt_at_idx (partial, unsettled): the claim's oldest due deliveries
--   (lib/dispatch/claim-due.ts) and the metrics gauges' due count and oldest due.
-- deliveries_org_id_next_attempt_at_idx (partial, unsettled): the claim's turns, each org's oldest
--   due deliveries.
-- deliveries_webhook_id_created_at_id_idx: GET /api/v1/deliveries (listDeliveries, `sort:
--   "created"`), org-wide one webhook at a time or with ?webhook_id=; the webhooks list's counts
--   and the Overview chart (lib/webhooks/stats.ts); the operator's deliveries of an org in the last
--   24 h (lib/operator/org-figures.ts) and the deliveries a bulk recovery selects
--   (lib/recovery/match.ts), both webhook by webhook; the cascade when a webhook is deleted.
-- deliveries_webhook_id_activity_at_id_idx: the console's log (listDeliveries, `sort:
--   "activity"`), org-wide one webhook at a time or a webhook's Deliveries tab, and its status =
--   succeeded filter; a webhook's latest delivery in the webhooks list (lib/webhooks/stats.ts).
-- deliveries_webhook_id_status_activity_at_id_idx (partial, unsucceeded): the log filtered by
--   pending, retrying or failed, org-wide one webhook at a time or for one webhook.
-- deliveries_org_id_event_type_activity_at_id_idx: the log's event type filter, and an org's
--   deliveries in batches when it is deleted (lib/orgs/delete-org.ts).
-- deliveries_event_id_idx: the log's search by event id, an idempotency key's first result
--   (lib/events/insert-events.ts), retention's check for an event's unsettled deliveries and the
--   cascade when an event is deleted.
