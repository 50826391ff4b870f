import pg from "pg";

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const { hostname, port } = new URL(url);
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    super(`cannot reach the database at ${hostname}:${port || 5432} (${reason})`);
    this.name = "DatabaseUnreachableError";
  }
}

/** Connects once and runs `SELECT 1`, so start-up fails with one clear line, not a stack. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new DatabaseUnreachableError(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}
