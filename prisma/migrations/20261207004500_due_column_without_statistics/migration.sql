-- The planner keeps no statistics of deliveries.next_attempt_at, so the dispatcher's claim
-- (lib/dispatch/claim-due.ts) reads the due index in its order whatever the table held when it was
-- last analyzed.
--
-- Most deliveries are settled (no next attempt), so statistics taken in ordinary times say that
-- almost none are due. When a backlog then appears at once (an endpoint's outage ends, a burst of
-- events is fanned out), the planner still expects one due row: it read the whole backlog through
-- the (org_id, next_attempt_at) index and sorted it in every claim, 155 ms a claim for 100,000
-- instead of 1 ms, until the table was analyzed again (which a backlog smaller than a tenth of the
-- table never causes). Without statistics the planner takes the defaults (a third of the rows due),
-- under which reading the due index in order for the claim's few rows is always the cheaper plan
-- (lib/dispatch/claim-stale-statistics.test.ts).
ALTER TABLE "deliveries" ALTER COLUMN "next_attempt_at" SET STATISTICS 0;
-- ANALYZE leaves the statistics it already took; changing the column to its own type removes them
-- (no rewrite: the type is the same).
ALTER TABLE "deliveries" ALTER COLUMN "next_attempt_at" TYPE TIMESTAMPTZ(3);
