import * as auditEvents from "@/app/api/v1/audit-events/route";
import * as deliveries from "@/app/api/v1/deliveries/route";
import * as delivery from "@/app/api/v1/deliveries/[id]/route";
import * as replay from "@/app/api/v1/deliveries/[id]/replay/route";
import * as events from "@/app/api/v1/events/route";
import * as eventBatch from "@/app/api/v1/events/batch/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as webhooks from "@/app/api/v1/webhooks/route";
import * as webhook from "@/app/api/v1/webhooks/[id]/route";
import * as signing from "@/app/api/v1/webhooks/[id]/signing/route";
import * as rotate from "@/app/api/v1/webhooks/[id]/signing/rotate/route";
import * as unknown from "@/app/api/v1/[...path]/route";

// Test-only: a fetch that answers /api/v1 requests by calling the route handlers in this process,
// as Next.js routes them (the first pattern that matches; `[...path]` last), so an HTTP client
// such as openapi-fetch can be driven against a test database without building the app.

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>;

const routes: Array<[string, RouteModule]> = [
  ["/api/v1/openapi.json", openapi as RouteModule],
  ["/api/v1/events", events as RouteModule],
  ["/api/v1/events/batch", eventBatch as RouteModule],
  ["/api/v1/audit-events", auditEvents as RouteModule],
  ["/api/v1/webhooks", webhooks as RouteModule],
  ["/api/v1/webhooks/[id]", webhook as RouteModule],
  ["/api/v1/webhooks/[id]/signing", signing as RouteModule],
  ["/api/v1/webhooks/[id]/signing/rotate", rotate as RouteModule],
  ["/api/v1/deliveries", deliveries as RouteModule],
  ["/api/v1/deliveries/[id]", delivery as RouteModule],
  ["/api/v1/deliveries/[id]/replay", replay as RouteModule],
];

export async function routeFetch(input: Request): Promise<Response> {
  const { pathname } = new URL(input.url);
  for (const [pattern, module] of routes) {
    const params = match(pattern, pathname);
    if (!params) continue;
    const handler = module[input.method as keyof RouteModule];
    if (!handler) return new Response(null, { status: 405 });
    return handler(input, { params: Promise.resolve(params) });
  }
  return (unknown.GET as Handler)(input, { params: Promise.resolve({}) });
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.replace(/\/$/, "").split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = /^\[(\w+)\]$/.exec(want[i])?.[1];
    if (name) params[name] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
