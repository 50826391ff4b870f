import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { AttemptSpanInput, Tracing } from "./types";

// OpenTelemetry behind the Tracing interface: OTLP/HTTP (JSON) export configured by the standard
// OTEL_* variables (endpoint, headers, service name, resource attributes, sampler), W3C trace
// context. Loaded with import() only when tracing is configured.

export function createTracing(defaultServiceName: string): Tracing {
  const resource = resourceFromAttributes({
    "service.name": process.env.OTEL_SERVICE_NAME ?? defaultServiceName,
  }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const tracer = trace.getTracer("novavms-webhooks");

  return {
    async inServerSpan(name, attributes, fn, status) {
      return tracer.startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, async (span) => {
        try {
          const result = await fn();
          const code = status(result);
          span.setAttribute("http.response.status_code", code);
          if (code >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          return result;
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    activeTraceparent() {
      return trace.getActiveSpan() ? traceparentOf(context.active()) : null;
    },
    recordClaim(deliveries, start, end) {
      const parents = new Map<string, string>();
      for (const delivery of deliveries) {
        const span = tracer.startSpan(
          "novavms.claim",
          { kind: SpanKind.INTERNAL, startTime: start, attributes: { "novavms.delivery_id": delivery.id } },
          parentContext(delivery.traceparent),
        );
        span.end(end);
        parents.set(delivery.id, traceparentOf(trace.setSpan(ROOT_CONTEXT, span)) ?? "");
      }
      return parents;
    },
    recordAttempt(input: AttemptSpanInput) {
      const span: Span = tracer.startSpan(
        "novavms.attempt",
        {
          kind: SpanKind.CLIENT,
          startTime: input.startedAt,
          attributes: {
            "novavms.request_id": input.requestId,
            "novavms.delivery_id": input.deliveryId,
            "novavms.webhook_id": input.webhookId,
            "novavms.trigger": input.trigger,
            "novavms.outcome": input.ok ? "succeeded" : "failed",
            ...(input.reason && { "novavms.reason": input.reason }),
            ...(input.status !== null && { "http.response.status_code": input.status }),
          },
        },
        parentContext(input.parent),
      );
      if (!input.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: input.reason ?? "failed" });
      span.end(new Date(input.startedAt.getTime() + input.durationMs));
      return span.spanContext().traceId;
    },
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

function parentContext(traceparent: string | null): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

function traceparentOf(ctx: Context): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ?? null;
}
