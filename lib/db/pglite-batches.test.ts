import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

// Two connections to the embedded database share one PGlite session: a query sent as
// Parse/Bind/Execute/Sync must run as one unit, or another connection's query can run in the
// middle of it and replace its statement (electric-sql/pglite#1046).

let db: EmbeddedDatabase;
beforeAll(async () => (db = await startEmbeddedDatabase({ maxConnections: 10 })));
afterAll(() => db.stop());

// The protocol-level client of `pg`, one message at a time; its typings omit these two methods.
type Connection = pg.Connection & {
  connect: (port: number, host: string) => void;
  startup: (config: { user: string; database: string }) => void;
};

async function openRawConnection(url: string): Promise<Connection> {
  const { hostname, port } = new URL(url);
  const connection = new pg.Connection() as Connection;
  const ready = new Promise<void>((resolve) => connection.once("readyForQuery", () => resolve()));
  connection.once("connect", () => connection.startup({ user: "postgres", database: "postgres" }));
  connection.connect(Number(port), hostname);
  await ready;
  return connection;
}

describe("embedded database with several connections", () => {
  it("runs one connection's Parse … Sync as a unit while another connection's query waits", async () => {
    const a = await openRawConnection(db.url);
    const b = new pg.Client({ connectionString: db.url });
    await b.connect();
    try {
      // A parses its statement and has not sent Bind, Execute or Sync yet.
      const parsed = new Promise<void>((resolve) => a.once("parseComplete", () => resolve()));
      a.parse({ name: "", text: "SELECT 'from a'::text AS who", types: [] }, false);
      a.flush();
      await parsed;

      // B's whole query arrives meanwhile; it must not replace A's unnamed statement.
      const fromB = b.query("SELECT $1::text AS who", ["from b"]);
      await new Promise((resolve) => setTimeout(resolve, 100));

      const rows: string[] = [];
      const errors: string[] = [];
      a.on("dataRow", (message: { fields: Array<string | null> }) => rows.push(String(message.fields[0])));
      a.on("errorMessage", (error: Error) => errors.push(error.message));
      const done = new Promise<void>((resolve) => a.once("readyForQuery", () => resolve()));
      a.bind({ values: [] }, false);
      a.execute({}, false);
      a.sync();
      await done;

      expect({ rows, errors }).toEqual({ rows: ["from a"], errors: [] });
      expect((await fromB).rows).toEqual([{ who: "from b" }]);
    } finally {
      a.end();
      await b.end();
    }
  });

  it("serves the others again when a connection goes away in the middle of its query", async () => {
    const a = await openRawConnection(db.url);
    const parsed = new Promise<void>((resolve) => a.once("parseComplete", () => resolve()));
    a.parse({ name: "", text: "SELECT 1", types: [] }, false);
    a.flush();
    await parsed;
    a.stream.destroy();

    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      expect((await pool.query("SELECT $1::int + 1 AS n", [41])).rows).toEqual([{ n: 42 }]);
    } finally {
      await pool.end();
    }
  });
});
