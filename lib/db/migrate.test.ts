import { createHash } from "node:crypto";
import { querySql } from "../testing/sql";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import {
  MigrationChangedError,
  MigrationFailedError,
  migrate,
  migrationStatus,
  readMigrations,
  type Migration,
} from "./migrate";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function fresh() {
  database = await createTestDatabase({ migrate: false });
  return database.url;
}

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

describe("migration runner", () => {
  it("applies the committed migrations to an empty database and records them as Prisma does", async () => {
    const url = await fresh();
    const committed = readMigrations();
    expect(committed.length).toBeGreaterThan(0);

    expect(await migrate(url)).toEqual(committed.map((m) => m.name));

    const rows = await querySql(
      url,
      "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      committed.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    const tables = await querySql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["orgs", "webhooks", "deliveries", "delivery_attempts"]),
    );
  });

  it("is idempotent: a second run applies nothing", async () => {
    const url = await fresh();
    await migrate(url);
    expect(await migrate(url)).toEqual([]);
    const [{ count }] = await querySql(url, "SELECT count(*)::int AS count FROM _prisma_migrations");
    expect(count).toBe(readMigrations().length);
  });

  it("applies each migration once when several processes start at the same time", async () => {
    const url = await fresh();
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate(url)));
    expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await querySql(url, "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1");
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const url = await fresh();
    await migrate(url, [migration("001_a", "CREATE TABLE a (id int)")]);
    await expect(migrate(url, [migration("001_a", "CREATE TABLE a (id bigint)")])).rejects.toBeInstanceOf(
      MigrationChangedError,
    );
    const status = await migrationStatus(
      (sql) => querySql(url, sql).then((rows) => ({ rows })),
      [migration("001_a", "CREATE TABLE a (id bigint)")],
    );
    expect(status).toMatchObject({ current: false, changed: ["001_a"] });
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const url = await fresh();
    const broken = migration("002_broken", "CREATE TABLE b (id int); SELECT no_such_function();");
    await expect(migrate(url, [migration("001_a", "CREATE TABLE a (id int)"), broken])).rejects.toBeInstanceOf(
      MigrationFailedError,
    );
    const tables = (await querySql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map(
      (t) => t.tablename,
    );
    expect(tables).toContain("a");
    expect(tables).not.toContain("b");
    const names = (await querySql(url, "SELECT migration_name FROM _prisma_migrations")).map((r) => r.migration_name);
    expect(names).toEqual(["001_a"]);
  });

  it("reports pending migrations until they are applied", async () => {
    const url = await fresh();
    const run = (sql: string) => querySql(url, sql).then((rows) => ({ rows }));
    expect((await migrationStatus(run)).pending).toEqual(readMigrations().map((m) => m.name));
    await migrate(url);
    expect(await migrationStatus(run)).toEqual({ current: true, pending: [], changed: [], unknown: [] });
  });
});
