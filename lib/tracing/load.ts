import type { Tracing } from "./types";

// Tracing is on when an OTLP endpoint is configured with the standard variables. Until then
// nothing of OpenTelemetry is imported: every hook checks `loadedTracing()`, a null.

let loading: Promise<Tracing | null> | undefined;
let loaded: Tracing | null = null;

export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts OpenTelemetry once per process when configured; resolves with it, or null. */
export function loadTracing(serviceName: string): Promise<Tracing | null> {
  loading ??= tracingConfigured()
    ? import("./provider").then(({ createTracing }) => (loaded = createTracing(serviceName)))
    : Promise.resolve(null);
  return loading;
}

/** The running tracing, or null when it is off (or still loading). */
export function loadedTracing(): Tracing | null {
  return loaded;
}

/** Flushes and stops the exporter (process shutdown). */
export async function stopTracing(): Promise<void> {
  await loaded?.shutdown();
}
