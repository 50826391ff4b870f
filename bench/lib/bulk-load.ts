import pg from "pg";

// A bulk load into the delivery tables, as one is done: on a connection of its own, with the
// foreign key checks skipped where the user may (the bench cluster's user is a superuser; without
// it the load is only slower) and the secondary indexes dropped for the load and built again
// after it. Statement by statement, not one transaction: a running worker's queries never wait on
// more than one of these locks at a time.

export const DELIVERY_TABLES = ["events", "deliveries", "delivery_attempts"];

export async function bulkLoad<T>(
  url: string,
  load: (client: pg.Client) => Promise<void>,
  finish: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica").catch(() => {});
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%\\_pkey'`,
      [DELIVERY_TABLES],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    await load(client);
    for (const index of indexes) await client.query(index.definition);
    await client.query("SET session_replication_role = DEFAULT").catch(() => {});
    return await finish(client);
  } finally {
    await client.end();
  }
}
