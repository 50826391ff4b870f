// npm run db:migration -- <name>     writes prisma/migrations/<timestamp>_<name>/migration.sql
// npm run db:migration -- --check    fails when prisma/schema.prisma has changes without a migration
//
// Each migration directory keeps a copy of the schema it leads to (schema.prisma beside
// migration.sql; Prisma ignores it). A new migration is Prisma's diff from the newest copy to the
// current schema. Diffing against a live database is not possible here: the WASM schema engine's
// introspection fails on PostgreSQL (prisma/orm#27403), so the engine only ever compares two schema
// files; it still insists on a connection, which a throwaway in-memory PGlite provides.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";

const SCHEMA = path.join("prisma", "schema.prisma");

async function main() {
  const name = process.argv[2];
  const check = name === "--check";
  if (!name || (!check && !/^[a-z0-9_]+$/.test(name))) {
    console.error("usage: npm run db:migration -- <name in snake_case>   (or -- --check)");
    process.exit(2);
  }
  const sql = await diffFromLatestMigration();
  const empty = isEmptyDiff(sql);
  if (check) {
    console.log(empty ? `${SCHEMA} matches the migrations` : `${SCHEMA} has changes without a migration:\n${sql}`);
    process.exitCode = empty ? 0 : 1;
    return;
  }
  if (empty) {
    console.log(`Nothing to do: ${SCHEMA} matches the migrations.`);
    return;
  }
  const dir = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  fs.copyFileSync(SCHEMA, path.join(dir, "schema.prisma"));
  fs.writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

async function diffFromLatestMigration(): Promise<string> {
  // The newest copy: a migration written by hand for what the schema cannot say (statistics
  // targets, say) changes no model and keeps none.
  const latest = readMigrations()
    .map((migration) => path.join(MIGRATIONS_DIR, migration.name, "schema.prisma"))
    .findLast((copy) => fs.existsSync(copy));
  const from = latest ? ["--from-schema-datamodel", latest] : ["--from-empty"];
  const db = await startEmbeddedDatabase();
  try {
    // Asynchronous on purpose: the PGlite it connects to is served by this process's event loop.
    const { stdout } = await promisify(execFile)(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script"],
      { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
    );
    return stdout;
  } finally {
    await db.stop();
  }
}

function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--") || line === 'CREATE SCHEMA IF NOT EXISTS "public";');
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
