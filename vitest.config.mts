import path from "node:path";
import { defineConfig } from "vitest/config";

// Every test runs against PGlite; with TEST_DATABASE_URL set, every test runs again against that
// PostgreSQL server (a fresh database per test file).
const shared = {
  include: [
    "lib/**/*.test.ts",
    "scripts/**/*.test.ts",
    "app/**/*.test.ts",
    "bench/**/*.test.ts",
    "clients/**/*.test.ts",
  ],
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

const projects = [{ extends: true, test: { ...shared, name: "pglite", env: { NOVAVMS_TEST_DB: "pglite" } } }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true, test: { ...shared, name: "postgres", env: { NOVAVMS_TEST_DB: "postgres" } } });
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: { projects },
});
