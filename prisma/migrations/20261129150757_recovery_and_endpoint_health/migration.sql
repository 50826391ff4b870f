-- CreateEnum
CREATE TYPE "RecoveryStatus" AS ENUM ('running', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "RecoveryItemState" AS ENUM ('pending', 'sending', 'succeeded', 'failed');

-- AlterEnum
ALTER TYPE "AttemptTrigger" ADD VALUE 'recovery';

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "custom_header_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "custom_headers_encrypted" TEXT,
ADD COLUMN     "disabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "disabled_reason" TEXT,
ADD COLUMN     "failing_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failing_since" TIMESTAMPTZ(3),
ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'endpoint',
ADD COLUMN     "rate_limit_per_second" INTEGER,
ADD COLUMN     "retry_schedule" TEXT;

-- CreateTable
CREATE TABLE "recoveries" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "webhook_id" TEXT,
    "status" "RecoveryStatus" NOT NULL DEFAULT 'running',
    "filters" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "recoveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_items" (
    "recovery_id" TEXT NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "state" "RecoveryItemState" NOT NULL DEFAULT 'pending',
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "request_id" TEXT,

    CONSTRAINT "recovery_items_pkey" PRIMARY KEY ("recovery_id","delivery_id")
);

-- CreateTable
CREATE TABLE "rate_limit_slots" (
    "webhook_id" TEXT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_slots_pkey" PRIMARY KEY ("webhook_id")
);

-- CreateTable
CREATE TABLE "exhaustion_alerts" (
    "webhook_id" TEXT NOT NULL,
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL,
    "suppressed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "exhaustion_alerts_pkey" PRIMARY KEY ("webhook_id")
);

-- CreateIndex
CREATE INDEX "recoveries_org_id_created_at_idx" ON "recoveries"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "recoveries_status_idx" ON "recoveries"("status");

-- CreateIndex
CREATE INDEX "recovery_items_recovery_id_state_delivery_id_idx" ON "recovery_items"("recovery_id", "state", "delivery_id");

-- CreateIndex
CREATE INDEX "recovery_items_delivery_id_idx" ON "recovery_items"("delivery_id");

-- AddForeignKey
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_items" ADD CONSTRAINT "recovery_items_recovery_id_fkey" FOREIGN KEY ("recovery_id") REFERENCES "recoveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rate_limit_slots" ADD CONSTRAINT "rate_limit_slots_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exhaustion_alerts" ADD CONSTRAINT "exhaustion_alerts_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

