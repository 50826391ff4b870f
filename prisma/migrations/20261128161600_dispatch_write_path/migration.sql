-- DropIndex
DROP INDEX "delivery_attempts_org_id_started_at_idx";

-- DropIndex
DROP INDEX "delivery_attempts_webhook_id_started_at_idx";


-- Each delivery is updated twice soon after it is inserted: the claim (lease columns, which no
-- index covers) and the attempt's result. Free room on every page lets the claim be a HOT update,
-- with no index writes; Prisma's schema cannot express a storage parameter, hence this line.
ALTER TABLE "deliveries" SET (fillfactor = 50);
