import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseDuration } from "./config";

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("has working defaults: embedded database, port 3000, the documented retry schedule", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.deliveryTimeoutMs).toBe(10_000);
    expect(config.retryScheduleMs).toEqual([60_000, 300_000, 900_000, 3_600_000, 21_600_000]);
    expect(config.allowPrivateNetworks).toBe(false);
  });

  it("names the variable when DATABASE_URL is malformed", () => {
    const error = errorOf({ DATABASE_URL: "mysql://localhost/db" });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe("DATABASE_URL");
    expect(error.message).toMatch(/^Invalid configuration: DATABASE_URL is invalid: expected postgresql:\/\//);
  });

  it("names the variable when PORT is not a port", () => {
    expect(errorOf({ PORT: "http" }).message).toMatch(/^Invalid configuration: PORT is invalid/);
    expect(errorOf({ PORT: "70000" }).variable).toBe("PORT");
  });

  it("parses NOVAVMS_RETRY_SCHEDULE and rejects a malformed one", () => {
    expect(loadConfig({ NOVAVMS_RETRY_SCHEDULE: "1s, 1s,500ms" }).retryScheduleMs).toEqual([1000, 1000, 500]);
    expect(errorOf({ NOVAVMS_RETRY_SCHEDULE: "1m,soon" }).message).toContain("NOVAVMS_RETRY_SCHEDULE");
  });

  it("names the API's hot statements unless NOVAVMS_DB_NAMED_STATEMENTS is 0", () => {
    expect(loadConfig({}).dbNamedStatements).toBe(true);
    expect(loadConfig({ NOVAVMS_DB_NAMED_STATEMENTS: "0" }).dbNamedStatements).toBe(false);
    expect(() => loadConfig({ NOVAVMS_DB_NAMED_STATEMENTS: "sometimes" })).toThrow(/NOVAVMS_DB_NAMED_STATEMENTS/);
  });

  it("caps one org's attempts per worker at NOVAVMS_WORKER_ORG_CONCURRENCY, no more than the worker's slots", () => {
    expect(loadConfig({}).orgConcurrency).toBeUndefined();
    expect(loadConfig({ NOVAVMS_WORKER_ORG_CONCURRENCY: "16" }).orgConcurrency).toBe(16);
    expect(loadConfig({ NOVAVMS_WORKER_CONCURRENCY: "8", NOVAVMS_WORKER_ORG_CONCURRENCY: "8" }).orgConcurrency).toBe(8);
    const above = errorOf({ NOVAVMS_WORKER_CONCURRENCY: "8", NOVAVMS_WORKER_ORG_CONCURRENCY: "9" });
    expect(above.variable).toBe("NOVAVMS_WORKER_ORG_CONCURRENCY");
    expect(above.message).toBe(
      "Invalid configuration: NOVAVMS_WORKER_ORG_CONCURRENCY is invalid: 9 is more than NOVAVMS_WORKER_CONCURRENCY (8), the slots a worker has",
    );
    expect(errorOf({ NOVAVMS_WORKER_ORG_CONCURRENCY: "0" }).variable).toBe("NOVAVMS_WORKER_ORG_CONCURRENCY");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).port).toBe(3000);
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    expect(errorOf({ NOVAVMS_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }).variable).toBe(
      "NOVAVMS_ENCRYPTION_KEY",
    );
  });

  it("reads durations", () => {
    expect([parseDuration("90s"), parseDuration("6h"), parseDuration("1.5m"), parseDuration("1 m")]).toEqual([
      90_000,
      21_600_000,
      90_000,
      null,
    ]);
  });
});
