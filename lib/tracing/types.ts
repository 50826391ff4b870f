// What the rest of the code may ask of tracing, without importing OpenTelemetry: the
// implementation (provider.ts) is only loaded when OTEL_EXPORTER_OTLP_ENDPOINT is set.

export type AttemptSpanInput = {
  /** The W3C traceparent of the claim (or, for a Replay, of the event's request); null = a new trace. */
  parent: string | null;
  trigger: string;
  requestId: string;
  deliveryId: string;
  webhookId: string;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  status: number | null;
  reason: string | null;
};

export type Tracing = {
  /** Runs `fn` inside a server span named `name`; ingest stores the span's traceparent. */
  inServerSpan<T>(
    name: string,
    attributes: Record<string, string>,
    fn: () => Promise<T>,
    status: (t: T) => number,
  ): Promise<T>;
  /** The traceparent of the active span, or null outside one. */
  activeTraceparent(): string | null;
  /** A claim span per claimed delivery, child of its event's trace; returns each one's traceparent. */
  recordClaim(
    deliveries: Array<{ id: string; traceparent: string | null }>,
    start: Date,
    end: Date,
  ): Map<string, string>;
  /** The attempt span (timed from the result); returns its trace id. */
  recordAttempt(input: AttemptSpanInput): string;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
};
