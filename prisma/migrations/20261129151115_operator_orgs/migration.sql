-- AlterTable
ALTER TABLE "orgs" ADD COLUMN     "events_per_second" INTEGER,
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "max_webhooks" INTEGER NOT NULL DEFAULT 50;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "is_operator" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "acting_org_id" TEXT,
ADD COLUMN     "acting_role" "Role";

-- CreateTable
CREATE TABLE "operator_tokens" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "operator_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_links" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "console_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "org_rate_windows" (
    "org_id" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(0) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "org_rate_windows_pkey" PRIMARY KEY ("org_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "operator_tokens_token_hash_key" ON "operator_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "console_links_token_hash_key" ON "console_links"("token_hash");

-- CreateIndex
CREATE INDEX "console_links_org_id_idx" ON "console_links"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "orgs_external_id_key" ON "orgs"("external_id");

-- AddForeignKey
ALTER TABLE "console_links" ADD CONSTRAINT "console_links_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

