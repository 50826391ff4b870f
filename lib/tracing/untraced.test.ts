import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// With no OTLP endpoint configured, no OpenTelemetry SDK module is even loaded by the delivery path;
// with one, the same script loads it (so the check can tell the difference).

const run = promisify(execFile);
const script = path.join(import.meta.dirname, "fixtures/load-check.ts");
const tsx = path.resolve(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs");

async function modulesLoaded(env: Record<string, string>): Promise<number> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("OTEL_")));
  const { stdout } = await run(process.execPath, [tsx, script], {
    env: { ...clean, LOG_LEVEL: "silent", ...env } as unknown as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  return (JSON.parse(stdout.trim().split("\n").at(-1)!) as { opentelemetryModules: number }).opentelemetryModules;
}

describe("tracing off", () => {
  it("loads no OpenTelemetry SDK code when OTEL_EXPORTER_OTLP_ENDPOINT is unset, and loads it when set", async () => {
    expect(await modulesLoaded({})).toBe(0);
    // An endpoint nobody listens on: nothing is exported within the script's lifetime.
    expect(await modulesLoaded({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" })).toBeGreaterThan(0);
  });
});
