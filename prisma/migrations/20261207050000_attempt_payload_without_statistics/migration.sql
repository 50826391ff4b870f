-- The planner keeps no statistics of the columns of delivery_attempts that no query filters, joins
-- or sorts on: the request and response an attempt recorded, its message and URL. They are most of
-- each row, and the worker analyzes the table every few thousand attempts (lib/db/statistics.ts):
-- sampling and sorting these values (the JSON headers compared key by key) was most of each
-- ANALYZE, itself a tenth of PostgreSQL's CPU per delivery in bench scenario 1.
ALTER TABLE "delivery_attempts"
  ALTER COLUMN "request_headers" SET STATISTICS 0,
  ALTER COLUMN "response_headers" SET STATISTICS 0,
  ALTER COLUMN "response_body" SET STATISTICS 0,
  ALTER COLUMN "message" SET STATISTICS 0,
  ALTER COLUMN "url" SET STATISTICS 0;
