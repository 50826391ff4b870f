-- CreateIndex
CREATE INDEX "deliveries_org_id_next_attempt_at_idx" ON "deliveries"("org_id", "next_attempt_at");

