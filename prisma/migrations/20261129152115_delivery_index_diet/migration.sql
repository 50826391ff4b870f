-- DropForeignKey
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_org_id_fkey";

-- DropForeignKey
ALTER TABLE "delivery_attempts" DROP CONSTRAINT "delivery_attempts_org_id_fkey";

-- DropForeignKey
ALTER TABLE "delivery_attempts" DROP CONSTRAINT "delivery_attempts_webhook_id_fkey";


-- The write path of a delivery is: inserted pending (ingest), claimed (a HOT update of the lease
-- columns), then its attempt's result (status, activity_at, next_attempt_at change, so every index
-- whose condition holds for the new row gets an entry) and one delivery_attempts row. Partial
-- indexes hold only the rows their queries look up, so a delivery that succeeds at its first
-- attempt is no longer written into them a second time.

-- Dispatcher claim (lib/dispatch/claim-due.ts: `WHERE next_attempt_at <= $1 … ORDER BY
-- next_attempt_at`): only unsettled deliveries have a next attempt; settled ones leave the index.
DROP INDEX "deliveries_next_attempt_at_idx";
CREATE INDEX "deliveries_next_attempt_at_idx" ON "deliveries"("next_attempt_at") WHERE "next_attempt_at" IS NOT NULL;

-- Console log filtered by status (lib/delivery-log/queries.ts listDeliveries, `sort: "activity"`,
-- `d.org_id = $1 AND d.status = $n`), org-wide and per webhook. Pending, retrying and failed are
-- the few rows someone looks for; "succeeded" is most rows, found by walking the activity indexes
-- below with a filter.
DROP INDEX "deliveries_org_id_status_activity_at_id_idx";
CREATE INDEX "deliveries_org_id_status_activity_at_id_idx" ON "deliveries"("org_id", "status", "activity_at" DESC, "id" DESC) WHERE "status" <> 'succeeded';
DROP INDEX "deliveries_webhook_id_status_activity_at_id_idx";
CREATE INDEX "deliveries_webhook_id_status_activity_at_id_idx" ON "deliveries"("webhook_id", "status", "activity_at" DESC, "id" DESC) WHERE "status" <> 'succeeded';

-- The other indexes of deliveries stay, each for the query named:
-- deliveries_pkey (id): every read and update of one delivery (claim, result, Replay, detail).
-- deliveries_org_id_created_at_id_idx: GET /api/v1/deliveries (listDeliveries, `sort: "created"`).
-- deliveries_webhook_id_created_at_id_idx: the same with ?webhook_id=, the webhooks list's counts
--   and the Overview chart (lib/webhooks/stats.ts, `webhook_id = … AND created_at >= …`); also the
--   cascade when a webhook is deleted.
-- deliveries_org_id_activity_at_id_idx: the console's org-wide log (listDeliveries, `sort:
--   "activity"`) and its status = succeeded filter.
-- deliveries_webhook_id_activity_at_id_idx: a webhook's Deliveries tab and its latest delivery in
--   the webhooks list (lib/webhooks/stats.ts, `ORDER BY activity_at DESC, id DESC LIMIT 1`).
-- deliveries_org_id_event_type_activity_at_id_idx: the log's event type filter.
-- deliveries_event_id_idx: the log's search by event id, an idempotency key's first result
--   (lib/events/ingest.ts, insert-events.ts) and the cascade when an event is deleted.
--
-- delivery_attempts, each index for the query named:
-- delivery_attempts_pkey (id): Prisma's primary key; attempts are only inserted on the hot path.
-- delivery_attempts_request_id_key: the log's request_id filter and search box, support's lookup
--   by the request_id a customer quotes; unique, so a request id is never recorded twice.
-- delivery_attempts_delivery_id_number_idx: a delivery's attempts (fetchDelivery, `WHERE
--   delivery_id = $1 ORDER BY number DESC`) and the cascade when a delivery is deleted.
-- delivery_attempts_org_id_receiver_request_id_idx: the log's search box by the receiver's own
--   request id (listDeliveries, `org_id = $1 AND receiver_request_id = $n`). Partial: only the
--   attempts whose receiver sent an id are in it, so the others add no entry on the hot path.
DROP INDEX "delivery_attempts_org_id_receiver_request_id_idx";
CREATE INDEX "delivery_attempts_org_id_receiver_request_id_idx" ON "delivery_attempts"("org_id", "receiver_request_id") WHERE "receiver_request_id" IS NOT NULL;
