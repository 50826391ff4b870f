import { loadTracing, tracingConfigured } from "./load";

type Handler<C> = (request: Request, route: C) => Promise<Response>;

/**
 * A route handler in a server span when tracing is configured; the handler itself otherwise, so
 * an untraced process pays nothing.
 */
export function tracedRoute<C>(name: string, handler: Handler<C>): Handler<C> {
  if (!tracingConfigured()) return handler;
  return async (request, route) => {
    const tracing = await loadTracing("novavms-web");
    if (!tracing) return handler(request, route);
    const attributes = { "http.request.method": request.method, "http.route": name };
    return tracing.inServerSpan(
      `${request.method} ${name}`,
      attributes,
      () => handler(request, route),
      (r) => r.status,
    );
  };
}
