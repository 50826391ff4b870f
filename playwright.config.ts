import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { withDatabaseName } from "./lib/testing/server-database";

// Browser journeys against the built app: `npm start` on a fresh embedded database in
// .data/e2e (or on PostgreSQL, below), a known admin, and loopback receivers allowed. A system Chromium is used when there
// is one (browsers cannot be downloaded everywhere), Playwright's own otherwise.
// E2E_PORT / E2E_DATA_DIR let two checkouts or builds run the suite side by side
// (with NOVAVMS_NEXT_DIST_DIR for the build directory).
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const baseURL = `http://127.0.0.1:${port}`;
// A run on its own port (E2E_PORT) also keeps its own signed-in state and artifacts (under the
// git-ignored .data/), so two runs side by side never overwrite or clear each other's.
const runDir = process.env.E2E_PORT ? `.data/e2e-runs/${port}` : null;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };
/** The platform operator of the journeys: its API token and console account. */
export const E2E_OPERATOR = {
  token: "nvop_e2e-operator-token-0123456789abcdef",
  email: "operator@e2e.test",
  password: "e2e-operator-password",
};
/** Where e2e/auth.setup.ts keeps the admin's signed-in browser state for the other specs. */
export const ADMIN_STORAGE_STATE = runDir ? `${runDir}/admin.json` : "e2e/.auth/admin.json";
// E2E_POSTGRES_URL (a PostgreSQL server whose user may create databases; `npm run test:e2e` sets it
// from TEST_DATABASE_URL for its second run): the app runs on a fresh database `novavms_e2e` there
// instead of the embedded one.
const postgresServer = process.env.E2E_POSTGRES_URL;
/** The journeys' database on that server, made afresh for each run. */
export const E2E_POSTGRES_DATABASE = "novavms_e2e";
/** The app's database and key, so fixtures can set up what the UI cannot (a second org). */
export const E2E_DATABASE_URL = postgresServer
  ? withDatabaseName(postgresServer, E2E_POSTGRES_DATABASE)
  : `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(path.resolve(dataDir))}`;
export const E2E_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

export default defineConfig({
  testDir: "e2e",
  outputDir: runDir ? `${runDir}/test-results` : "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: runDir ? `${runDir}/playwright-report` : "playwright-report" }],
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : {},
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "chromium", dependencies: ["setup"], use: { storageState: ADMIN_STORAGE_STATE } },
  ],
  webServer: {
    command: postgresServer
      ? `rm -rf ${dataDir} && npx tsx e2e/support/fresh-postgres-database.ts && npx tsx scripts/start.ts`
      : `rm -rf ${dataDir} && npx tsx scripts/start.ts`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      NOVAVMS_DATA_DIR: dataDir,
      NOVAVMS_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
      NOVAVMS_DEMO: "0",
      NOVAVMS_ADMIN_EMAIL: E2E_ADMIN.email,
      NOVAVMS_ADMIN_PASSWORD: E2E_ADMIN.password,
      NOVAVMS_OPERATOR_TOKEN: E2E_OPERATOR.token,
      NOVAVMS_OPERATOR_EMAIL: E2E_OPERATOR.email,
      NOVAVMS_OPERATOR_PASSWORD: E2E_OPERATOR.password,
      NOVAVMS_ALLOW_PRIVATE_NETWORKS: "1",
      NOVAVMS_RETRY_SCHEDULE: "2s,2s,2s,2s,2s",
      LOG_LEVEL: "warn",
      ...(postgresServer ? { DATABASE_URL: E2E_DATABASE_URL } : {}),
    },
  },
});
