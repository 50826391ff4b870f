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
  // Guards against a hang, not measures of speed: on a loaded 2-core machine starting and
  // migrating a fresh embedded database alone took over 60 s with four test files in parallel.
  // Tests that wait on real time set their own polls and timeouts below these.
  testTimeout: 180_000,
  hookTimeout: 300_000,
};

// Exactly-once across worker processes is proven only on PostgreSQL (PGlite serves every
// connection from one session, so concurrent claims never meet): CI must run that pass.
if (process.env.CI === "true" && !process.env.TEST_DATABASE_URL) {
  throw new Error("CI runs every test on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run)");
}

const projects = [{ extends: true, test: { ...shared, name: "pglite", env: { NOVAVMS_TEST_DB: "pglite" } } }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ extends: true, test: { ...shared, name: "postgres", env: { NOVAVMS_TEST_DB: "postgres" } } });
}

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects,
    // Two test files at a time. Vitest's default is one fewer than the cores, so one on 2 cores, and
    // most files spend their time waiting (on a database, a receiver, a child process), not on the
    // CPU: the whole Vitest run on both databases took 1,277 s one at a time, 962 s with two and
    // 824 s with three (2026-12-07, 2 cores, nothing else running). Two keeps the machine from being
    // loaded far beyond its cores, which the tests that wait on real time would feel.
    maxWorkers: 2,
  },
});
