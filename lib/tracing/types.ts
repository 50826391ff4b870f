// What the rest of the code may ask of tracing, without importing OpenTelemetry: the
// implementation (provider.ts) is only loaded when OTEL_EXPORTER_OTLP_ENDPOINT is set.

/** How an attempt ended, recorded on its span. */
export type AttemptSpanResult = {
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

/** An attempt's span, started before its request is built so the request can carry its context. */
export type AttemptSpan = {
  /** The W3C traceparent naming this span: sent to the receiver, so its trace continues ours. */
  traceparent: string;
  traceId: string;
  end(result: AttemptSpanResult): void;
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
  /**
   * Starts an attempt span, child of `parent` (the claim's traceparent or, for a Replay, the
   * request's; null = a new trace); ended with the attempt's result.
   */
  startAttempt(parent: string | null): AttemptSpan;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
};
