import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql in order and records them in Prisma's own
// `_prisma_migrations` table (same columns, same SHA-256 checksums), so a host with Prisma's
// native engine can still run `prisma migrate status` against the same database. We do not call
// `prisma migrate deploy` because through a driver adapter it fails on PostgreSQL
// (prisma/orm#27403).

// Read at run time from the working directory, not bundled: the files must stay the ones on disk.
export const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

// Any constant shared by every NovaVMS process; two processes starting at once queue on it.
const ADVISORY_LOCK_KEY = 7_461_202_611;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationChangedError extends Error {
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied; restore the file and add a new migration instead`);
    this.name = "MigrationChangedError";
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed and was rolled back: ${(cause as Error).message}`);
    this.name = "MigrationFailedError";
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies every pending migration, each in its own transaction; returns the names applied by
 * this call. Safe when several processes start at once: each transaction first takes an advisory
 * lock and re-reads what is applied (PGlite's socket server runs a transaction's queries together,
 * which gives the same guarantee there).
 */
export async function migrate(databaseUrl: string, migrations = readMigrations()): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const done: string[] = [];
    for (const migration of migrations) {
      if (await applyIfPending(client, migration)) done.push(migration.name);
    }
    return done;
  } finally {
    await client.end();
  }
}

export type MigrationStatus = { current: boolean; pending: string[]; changed: string[]; unknown: string[] };

/** Compares the database with the migration files, without changing anything. */
export async function migrationStatus(
  query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
  migrations = readMigrations(),
): Promise<MigrationStatus> {
  const exists = await query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
  const rows = exists.rows[0]?.present ? (await query(APPLIED)).rows : [];
  const applied = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
  const known = new Set(migrations.map((m) => m.name));
  const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  const changed = migrations
    .filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum)
    .map((m) => m.name);
  const unknown = [...applied.keys()].filter((name) => !known.has(name));
  return { current: pending.length === 0 && changed.length === 0, pending, changed, unknown };
}

async function applyIfPending(client: pg.Client, migration: Migration): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ checksum: string }>(`${APPLIED} AND migration_name = $1`, [migration.name]);
    if (rows.length > 0) {
      if (rows[0].checksum !== migration.checksum) throw new MigrationChangedError(migration.name);
      await client.query("COMMIT");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql).catch((error: unknown) => {
      throw new MigrationFailedError(migration.name, error);
    });
    await client.query("UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1", [
      id,
    ]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

const APPLIED = `SELECT migration_name, checksum FROM _prisma_migrations
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

// Prisma's own definition of the table.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
