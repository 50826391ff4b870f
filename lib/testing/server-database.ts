import pg from "pg";

// Test-only: databases made on a PostgreSQL server for tests, benchmarks and browser journeys: each gets a
// database of its own, named by the caller, on a server whose user may create databases.

/** `serverUrl` with its database replaced by `name`. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` on the server of `serverUrl`, empty: one of that name left by an earlier
 * run is dropped first. Returns its URL and a `drop` that removes it.
 */
export async function createServerDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const dropStatement = `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`;
  await withClient(serverUrl, async (client) => {
    await client.query(dropStatement);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return {
    url: withDatabaseName(serverUrl, name),
    drop: () => withClient(serverUrl, async (client) => void (await client.query(dropStatement))),
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
