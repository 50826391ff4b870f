// The HTTP methods of each API path, read by proxy.ts to answer any other method with a 405 in
// the API's error shape (Next.js answers it with an empty body). A test checks this table
// against the handlers each route file exports, so the two cannot drift.

type RouteMethods = { route: string; pattern: RegExp; methods: string[] };

// `orgLevel`: also reachable as /api/v1/orgs/{id}/… (app/api/v1/orgs/[org]/[...path]/org-routes.ts).
export const API_ROUTE_METHODS: ReadonlyArray<RouteMethods & { orgLevel?: true }> = [
  { route: "events", pattern: /^\/api\/v1\/events\/?$/, methods: ["POST"], orgLevel: true },
  { route: "events/batch", pattern: /^\/api\/v1\/events\/batch\/?$/, methods: ["POST"], orgLevel: true },
  { route: "webhooks", pattern: /^\/api\/v1\/webhooks\/?$/, methods: ["GET", "POST"], orgLevel: true },
  {
    route: "webhooks/[id]",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/?$/,
    methods: ["GET", "PATCH", "DELETE"],
    orgLevel: true,
  },
  {
    route: "webhooks/[id]/signing",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/?$/,
    methods: ["GET"],
    orgLevel: true,
  },
  {
    route: "webhooks/[id]/signing/rotate",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/rotate\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  {
    route: "webhooks/[id]/check",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/check\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  {
    route: "webhooks/[id]/signing/verify",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/verify\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  {
    route: "webhooks/[id]/signing/expire-previous",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/expire-previous\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  { route: "deliveries", pattern: /^\/api\/v1\/deliveries\/?$/, methods: ["GET"], orgLevel: true },
  { route: "deliveries/[id]", pattern: /^\/api\/v1\/deliveries\/[^/]+\/?$/, methods: ["GET"], orgLevel: true },
  {
    route: "deliveries/[id]/replay",
    pattern: /^\/api\/v1\/deliveries\/[^/]+\/replay\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  { route: "recoveries", pattern: /^\/api\/v1\/recoveries\/?$/, methods: ["GET", "POST"], orgLevel: true },
  { route: "recoveries/[id]", pattern: /^\/api\/v1\/recoveries\/[^/]+\/?$/, methods: ["GET"], orgLevel: true },
  {
    route: "recoveries/[id]/cancel",
    pattern: /^\/api\/v1\/recoveries\/[^/]+\/cancel\/?$/,
    methods: ["POST"],
    orgLevel: true,
  },
  {
    route: "alert-destinations",
    pattern: /^\/api\/v1\/alert-destinations\/?$/,
    methods: ["GET", "POST"],
    orgLevel: true,
  },
  { route: "audit-events", pattern: /^\/api\/v1\/audit-events\/?$/, methods: ["GET"], orgLevel: true },
  { route: "console-links", pattern: /^\/api\/v1\/console-links\/?$/, methods: ["POST"], orgLevel: true },
  { route: "openapi.json", pattern: /^\/api\/v1\/openapi\.json\/?$/, methods: ["GET"] },
  { route: "orgs", pattern: /^\/api\/v1\/orgs\/?$/, methods: ["GET", "POST"] },
  { route: "orgs/[org]", pattern: /^\/api\/v1\/orgs\/[^/]+\/?$/, methods: ["GET", "PATCH", "DELETE"] },
];

/** The org-level routes in their /api/v1/orgs/{id}/… form, with the same methods. */
export const ORG_SCOPED_ROUTE_METHODS: ReadonlyArray<RouteMethods> = API_ROUTE_METHODS.filter(
  (entry) => entry.orgLevel,
).map(({ route, pattern, methods }) => ({
  route: `orgs/[org]/${route}`,
  pattern: new RegExp(pattern.source.replace("^\\/api\\/v1\\/", "^\\/api\\/v1\\/orgs\\/[^/]+\\/")),
  methods,
}));

/** The methods a path takes (HEAD with GET, OPTIONS always, as Next.js answers them), or null if unknown. */
export function allowedMethods(pathname: string): string[] | null {
  const entry = [...API_ROUTE_METHODS, ...ORG_SCOPED_ROUTE_METHODS].find(({ pattern }) => pattern.test(pathname));
  if (!entry) return null;
  return [...entry.methods, ...(entry.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}
