-- deliveries_org_id_next_attempt_at_idx: the dispatcher's claim (lib/dispatch/claim-due.ts) takes
-- turns across orgs, reading each org's few oldest due deliveries (`WHERE org_id = o.id AND
-- next_attempt_at <= $1 ORDER BY next_attempt_at`). Partial like the due index: settled deliveries
-- have no next attempt and are never looked up here.
CREATE INDEX "deliveries_org_id_next_attempt_at_idx" ON "deliveries"("org_id", "next_attempt_at") WHERE "next_attempt_at" IS NOT NULL;
