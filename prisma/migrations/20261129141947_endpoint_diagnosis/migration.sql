-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AttemptTrigger" ADD VALUE 'check';
ALTER TYPE "AttemptTrigger" ADD VALUE 'secret_check';

-- AlterTable
ALTER TABLE "webhooks" ADD COLUMN     "certificate_checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "certificate_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "certificate_issuer" TEXT,
ADD COLUMN     "last_check" JSONB;

-- AlterTable
ALTER TABLE "signing_secrets" ADD COLUMN     "verification" JSONB;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "last_receiver_request_id" TEXT;

-- AlterTable
ALTER TABLE "delivery_attempts" ADD COLUMN     "receiver_request_id" TEXT,
ADD COLUMN     "trace_id" TEXT;

-- CreateIndex
CREATE INDEX "delivery_attempts_org_id_receiver_request_id_idx" ON "delivery_attempts"("org_id", "receiver_request_id");

