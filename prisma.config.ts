import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads native engines on first use, and that host is not always reachable.
// Nothing here needs them: the client uses engineType = "client" (a WASM query compiler) and the
// CLI uses the WASM schema engine (engine: "js") through @prisma/adapter-pg. The placeholders stop
// the download; `??=` keeps a real engine where a host provides one.
const placeholder = path.join(__dirname, "prisma", "engine-placeholder");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // The WASM schema engine connects even to diff two schema files; `npm run db:migration`
  // (scripts/new-migration.ts) points DATABASE_URL at a throwaway PGlite holding the committed
  // migrations, so making a migration needs no database server.
  adapter: async () => new PrismaPg({ connectionString: requireDatabaseUrl() }),
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run `npm run db:migration -- <name>` instead");
  return url;
}
