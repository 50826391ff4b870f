// The HTTP methods of each API path, read by proxy.ts to answer any other method with a 405 in
// the API's error shape (Next.js answers it with an empty body). A test checks this table
// against the handlers each route file exports, so the two cannot drift.

export const API_ROUTE_METHODS: ReadonlyArray<{ route: string; pattern: RegExp; methods: string[] }> = [
  { route: "events", pattern: /^\/api\/v1\/events\/?$/, methods: ["POST"] },
  { route: "events/batch", pattern: /^\/api\/v1\/events\/batch\/?$/, methods: ["POST"] },
  { route: "webhooks", pattern: /^\/api\/v1\/webhooks\/?$/, methods: ["GET", "POST"] },
  { route: "webhooks/[id]", pattern: /^\/api\/v1\/webhooks\/[^/]+\/?$/, methods: ["GET", "PATCH", "DELETE"] },
  { route: "webhooks/[id]/signing", pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/?$/, methods: ["GET"] },
  {
    route: "webhooks/[id]/signing/rotate",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/rotate\/?$/,
    methods: ["POST"],
  },
  { route: "webhooks/[id]/check", pattern: /^\/api\/v1\/webhooks\/[^/]+\/check\/?$/, methods: ["POST"] },
  {
    route: "webhooks/[id]/signing/verify",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/verify\/?$/,
    methods: ["POST"],
  },
  {
    route: "webhooks/[id]/signing/expire-previous",
    pattern: /^\/api\/v1\/webhooks\/[^/]+\/signing\/expire-previous\/?$/,
    methods: ["POST"],
  },
  { route: "deliveries", pattern: /^\/api\/v1\/deliveries\/?$/, methods: ["GET"] },
  { route: "deliveries/[id]", pattern: /^\/api\/v1\/deliveries\/[^/]+\/?$/, methods: ["GET"] },
  { route: "deliveries/[id]/replay", pattern: /^\/api\/v1\/deliveries\/[^/]+\/replay\/?$/, methods: ["POST"] },
  { route: "recoveries", pattern: /^\/api\/v1\/recoveries\/?$/, methods: ["GET", "POST"] },
  { route: "recoveries/[id]", pattern: /^\/api\/v1\/recoveries\/[^/]+\/?$/, methods: ["GET"] },
  { route: "recoveries/[id]/cancel", pattern: /^\/api\/v1\/recoveries\/[^/]+\/cancel\/?$/, methods: ["POST"] },
  { route: "audit-events", pattern: /^\/api\/v1\/audit-events\/?$/, methods: ["GET"] },
  { route: "openapi.json", pattern: /^\/api\/v1\/openapi\.json\/?$/, methods: ["GET"] },
];

/** The methods a path takes (HEAD with GET, OPTIONS always, as Next.js answers them), or null if unknown. */
export function allowedMethods(pathname: string): string[] | null {
  const entry = API_ROUTE_METHODS.find(({ pattern }) => pattern.test(pathname));
  if (!entry) return null;
  return [...entry.methods, ...(entry.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}
