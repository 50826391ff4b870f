import type { Db } from "./client";
import { migrationStatus } from "./migrate";

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  pending?: string[];
};

export async function checkHealth(db: Db): Promise<Health> {
  try {
    const status = await migrationStatus((sql) => db.pool.query(sql));
    if (status.current) return { ok: true, database: "reachable", migrations: "current" };
    return { ok: false, database: "reachable", migrations: "pending", pending: [...status.pending, ...status.changed] };
  } catch {
    return { ok: false, database: "unreachable", migrations: "unknown" };
  }
}
