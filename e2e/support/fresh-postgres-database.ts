import pg from "pg";
import { E2E_DATABASE_URL } from "../../playwright.config";

// Run by the Playwright web server's command when the journeys run on PostgreSQL
// (E2E_POSTGRES_URL): drops and creates the journeys' database, so every run starts empty as it
// does on the embedded database. `npm start` then migrates it and creates the first admin.

async function main() {
  const server = process.env.E2E_POSTGRES_URL;
  if (!server) throw new Error("E2E_POSTGRES_URL is not set");
  const name = new URL(E2E_DATABASE_URL).pathname.slice(1);
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  console.log(`browser journeys on PostgreSQL: fresh database ${name}`);
}

main().catch((error: unknown) => {
  console.error(`could not prepare the journeys' PostgreSQL database: ${(error as Error).message}`);
  process.exit(1);
});
