import type { Db } from "./client";
import { classifyDatabaseError } from "./failure-kind";
import { migrationStatus } from "./migrate";

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  pending?: string[];
  /** What is wrong, for an operator: the database's error code and message. */
  problem?: string;
};

export async function checkHealth(db: Db): Promise<Health> {
  try {
    const status = await migrationStatus((sql) => db.pool.query(sql));
    if (status.current) return { ok: true, database: "reachable", migrations: "current" };
    const pending = [...status.pending, ...status.changed];
    return {
      ok: false,
      database: "reachable",
      migrations: "pending",
      pending,
      problem: `migrations not applied: ${pending.join(", ")} (npm start applies them)`,
    };
  } catch (error) {
    const code = classifyDatabaseError(error)?.code ?? (error as { code?: string }).code ?? "unknown";
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      ok: false,
      database: "unreachable",
      migrations: "unknown",
      problem: `database unreachable (${code}): ${message}`,
    };
  }
}
