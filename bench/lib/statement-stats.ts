import type { Db } from "../../lib/db/client";
import { metric, type ScenarioResult } from "./results";

// Where PostgreSQL's time goes per delivery (scenario 1) or per event (scenario 5), statement by
// statement, from pg_stat_statements: reset before a run of known size, read after it. Execution
// time, and planning time apart (the bench's cluster sets pg_stat_statements.track_planning); no
// parsing or protocol work, so the two sum to less than the server's CPU read from /proc.
// Available when the server preloads the extension (the bench's own cluster does); null otherwise.

export type StatementCost = {
  /** The normalised statement, white space folded, cut to 160 characters. */
  statement: string;
  callsPerDelivery: number;
  /** Execution. */
  usPerDelivery: number;
  /** Planning, apart from execution: 0 for a named statement once its plan is kept. */
  planUsPerDelivery: number;
  /** Of all execution time in this database over the run. */
  share: number;
};

export type StatementBreakdown = {
  deliveries: number;
  executionUsPerDelivery: number;
  statements: StatementCost[];
};

export type StatementMeter = {
  reset: () => Promise<void>;
  /** The statements' totals since the last reset, to divide by the run's size once it is known. */
  take: () => Promise<StatementTotals>;
  read: (deliveries: number) => Promise<StatementBreakdown>;
};

export type StatementTotals = Array<{ query: string; calls: string; total_ms: number; plan_ms: number }>;

export async function statementMeter(db: Db): Promise<StatementMeter | null> {
  try {
    await db.pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await db.pool.query("SELECT pg_stat_statements_reset()");
  } catch {
    return null;
  }
  const take = async () =>
    (
      await db.pool.query<StatementTotals[number]>(
        `SELECT query, calls, total_exec_time AS total_ms, total_plan_time AS plan_ms FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query NOT LIKE '%pg_stat_statements%'
          ORDER BY total_exec_time DESC`,
      )
    ).rows;
  return {
    reset: async () => void (await db.pool.query("SELECT pg_stat_statements_reset()")),
    take,
    read: async (deliveries) => breakdownOf(await take(), deliveries),
  };
}

/** The totals per unit of work (a delivery; an event in scenario 5), the costliest statements first. */
export function breakdownOf(rows: StatementTotals, deliveries: number): StatementBreakdown {
  const totalMs = rows.reduce((sum, row) => sum + row.total_ms, 0);
  const perDelivery = (value: number) => round(value / Math.max(deliveries, 1));
  return {
    deliveries,
    executionUsPerDelivery: perDelivery(totalMs * 1000),
    statements: rows.slice(0, 12).map((row) => ({
      statement: row.query.replace(/\s+/g, " ").trim().slice(0, 160),
      callsPerDelivery: perDelivery(Number(row.calls)),
      usPerDelivery: perDelivery(row.total_ms * 1000),
      planUsPerDelivery: perDelivery(row.plan_ms * 1000),
      share: round(totalMs > 0 ? row.total_ms / totalMs : 0),
    })),
  };
}

/**
 * Keeps the run with the median execution time, statement by statement, in `result.details[key]`,
 * and every run's execution time per unit as the metric `name`.
 */
export function reportStatements(
  result: ScenarioResult,
  breakdowns: StatementBreakdown[],
  key: string,
  name: string,
): void {
  if (breakdowns.length === 0) return;
  const sorted = [...breakdowns].sort((a, b) => a.executionUsPerDelivery - b.executionUsPerDelivery);
  result.details[key] = sorted[Math.floor(sorted.length / 2)];
  result.metrics.push(
    metric(
      name,
      "µs",
      breakdowns.map((b) => b.executionUsPerDelivery),
    ),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
