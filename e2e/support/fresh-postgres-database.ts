import { createServerDatabase } from "../../lib/testing/server-database";
import { E2E_POSTGRES_DATABASE } from "../../playwright.config";

// Run by the Playwright web server's command when the journeys run on PostgreSQL
// (E2E_POSTGRES_URL): drops and creates the journeys' database, so every run starts empty as it
// does on the embedded database. `npm start` then migrates it and creates the first admin.

async function main() {
  const server = process.env.E2E_POSTGRES_URL;
  if (!server) throw new Error("E2E_POSTGRES_URL is not set");
  await createServerDatabase(server, E2E_POSTGRES_DATABASE);
  console.log(`browser journeys on PostgreSQL: fresh database ${E2E_POSTGRES_DATABASE}`);
}

main().catch((error: unknown) => {
  console.error(`could not prepare the journeys' PostgreSQL database: ${(error as Error).message}`);
  process.exit(1);
});
