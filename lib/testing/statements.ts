import type { Db } from "../db/client";

// Tests and the bench: the exact statements a lib/ call runs, and their plans.

export type Statement = { text: string; values: unknown[] };

/**
 * A Db whose pool hands every statement to `seen`, then runs it, or with `run: false` answers it
 * with no rows instead (to read the statement of a call that writes, without its writes).
 */
export function recordingDb(db: Db, seen: (statement: Statement) => void, options: { run?: boolean } = {}): Db {
  const run = options.run ?? true;
  const pool = new Proxy(db.pool, {
    get(target, property) {
      if (property === "query")
        return (text: string, values: unknown[]) => {
          seen({ text, values });
          return run ? target.query(text, values) : Promise.resolve({ rows: [] });
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...db, pool };
}

/**
 * `EXPLAIN (<options>)` of a statement, in a transaction rolled back afterwards (so ANALYZE of a
 * write keeps nothing), after `SET LOCAL` of each of `settings`. Resolves with the plan: its lines
 * joined for the text format, the parsed document for FORMAT JSON.
 */
export async function explainStatement(
  db: Db,
  statement: Statement,
  options: { explain?: string; settings?: string[] } = {},
): Promise<unknown> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    for (const setting of options.settings ?? []) await client.query(`SET LOCAL ${setting}`);
    const { rows } = await client.query<{ "QUERY PLAN": unknown }>(
      `EXPLAIN ${options.explain ? `(${options.explain}) ` : ""}${statement.text}`,
      statement.values,
    );
    if (!/FORMAT JSON/i.test(options.explain ?? "")) return rows.map((row) => row["QUERY PLAN"]).join("\n");
    const raw = rows[0]["QUERY PLAN"];
    return typeof raw === "string" ? JSON.parse(raw) : raw;
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}
