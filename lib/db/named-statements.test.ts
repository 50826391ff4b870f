import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiToken } from "../auth/api-tokens";
import { createTestOrg } from "../testing/org-fixtures";
import { createTestContext, type TestContext } from "../testing/test-database";
import { connectDatabase } from "./client";
import { hotStatement, namesStatements } from "./named-statements";

// The API's hot statements are named (parsed and planned once per connection) on PostgreSQL, and
// stay unnamed on the embedded database, whose one session every connection shares.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const onPostgres = () => ctx.database.kind === "postgres";

async function preparedOn(client: { query: (sql: string) => Promise<{ rows: Array<{ name: string }> }> }) {
  return (await client.query("SELECT name FROM pg_prepared_statements")).rows.map((row) => row.name);
}

describe("hot statements", () => {
  it("are named on PostgreSQL and only there", async () => {
    expect(await namesStatements(ctx.db)).toBe(onPostgres());
    const client = await ctx.db.pool.connect();
    try {
      await client.query(await hotStatement(ctx.db, "novavms_test_one", "SELECT $1::int AS one", [1]));
      const { rows } = await client.query(await hotStatement(ctx.db, "novavms_test_one", "SELECT $1::int AS one", [2]));
      expect(rows).toEqual([{ one: 2 }]);
      expect((await preparedOn(client)).includes("novavms_test_one")).toBe(onPostgres());
    } finally {
      client.release();
    }
  });

  it("let every connection authenticate at once, on either database", async () => {
    const { orgId, apiToken } = await createTestOrg(ctx.db, ctx.cipher);
    // Ten lookups at once open all five connections of the test pool, twice over: on PGlite the
    // second connection to prepare a name in the shared session would fail if it were named.
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => authenticateApiToken(ctx.db, `Bearer ${apiToken}`)),
      );
      expect(results.map((r) => r?.orgId)).toEqual(Array(10).fill(orgId));
    }
  });

  it("stay unnamed with NOVAVMS_DB_NAMED_STATEMENTS=0", async () => {
    const db = connectDatabase(ctx.database.url, { poolSize: 1, namedStatements: false });
    try {
      expect(await namesStatements(db)).toBe(false);
      const client = await db.pool.connect();
      try {
        await client.query(await hotStatement(db, "novavms_test_two", "SELECT 2 AS two", []));
        expect(await preparedOn(client)).not.toContain("novavms_test_two");
      } finally {
        client.release();
      }
    } finally {
      await db.close();
    }
  });
});
