import type pg from "pg";
import type { Db } from "./client";

// The API's hot statements (the token lookup and the events' insert) ran for every request and
// PostgreSQL parsed and planned them each time: planning alone took longer than executing them
// (bench scenario 5's statement breakdown). Named, each is parsed and planned once per connection.
//
// Not on the embedded database: PGlite serves every connection from its one session, where the
// second connection to prepare a name would fail ("prepared statement already exists"). Nor with
// NOVAVMS_DB_NAMED_STATEMENTS=0, for a pooler in transaction mode that does not keep prepared
// statements per client.

const servers = new WeakMap<Db, Promise<boolean>>();

/** Whether `db`'s server keeps named statements per connection: PostgreSQL yes, PGlite no. */
export function namesStatements(db: Db): Promise<boolean> {
  if (!db.namedStatements) return Promise.resolve(false);
  let answer = servers.get(db);
  if (!answer) {
    answer = db.pool.query<{ version: string }>("SELECT version()").then(
      ({ rows }) => !/emscripten/i.test(rows[0].version),
      (error: unknown) => {
        // Unknown while the database is away: asked again on the next call, unnamed meanwhile.
        servers.delete(db);
        throw error;
      },
    );
    servers.set(db, answer);
  }
  return answer;
}

/** `text` as a query of `db`: named `name` where the server keeps it per connection (above). */
export async function hotStatement(db: Db, name: string, text: string, values: unknown[]): Promise<pg.QueryConfig> {
  return namedIf(await namesStatements(db), name, text, values);
}

/** The query, named `name` when `named` (what namesStatements answered for its database). */
export function namedIf(named: boolean, name: string, text: string, values: unknown[]): pg.QueryConfig {
  return named ? { name, text, values } : { text, values };
}
