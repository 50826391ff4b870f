import type { Config } from "../config";
import { ensureOperator, type OperatorSetup } from "../bootstrap/ensure-operator";
import { runFirstRun, type FirstRunResult } from "../bootstrap/first-run";
import { buildAppContext } from "../context";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { assertDatabaseReachable } from "../db/reachable";

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  migrationsApplied: string[];
  firstRun: FirstRunResult;
  operator: OperatorSetup;
  stop: () => Promise<void>;
};

/**
 * The database every process of this machine will use: the configured PostgreSQL, or the embedded
 * PGlite started here; reachable, migrated, and with its first org in place.
 */
export async function prepareDatabase(config: Config): Promise<PreparedDatabase> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedDatabase({ dataDir: config.dataDir });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await assertDatabaseReachable(url);
    const migrationsApplied = await migrate(url);
    const context = buildAppContext(config, url, "start");
    try {
      const firstRun = await runFirstRun(context.db, context.cipher, {
        adminEmail: config.adminEmail,
        adminPassword: config.adminPassword,
        apiToken: config.apiToken,
      });
      const operator = await ensureOperator(context.db, {
        token: config.operatorToken,
        email: config.operatorEmail,
        password: config.operatorPassword,
      });
      return { url, embedded: !!embedded, migrationsApplied, firstRun, operator, stop: async () => embedded?.stop() };
    } finally {
      await context.db.close();
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** What an operator must see once: the credentials nobody else will ever show them. */
export function describeFirstRun(result: FirstRunResult): string | null {
  if (!result.created) return null;
  const lines = ["", "First run: created your organisation.", `  Admin email:    ${result.adminEmail}`];
  if (result.generatedPassword) lines.push(`  Admin password: ${result.generatedPassword}`);
  if (result.generatedApiToken) lines.push(`  API token:      ${result.generatedApiToken}`);
  if (result.generatedPassword) lines.push("  The password is shown only now: keep it somewhere safe.");
  if (result.generatedApiToken) lines.push("  Admins can reveal or regenerate the API token later in Settings.");
  return lines.join("\n") + "\n";
}
