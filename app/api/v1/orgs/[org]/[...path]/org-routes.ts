import type { Caller } from "@/lib/auth/caller";
import * as consoleLinksRoute from "../../../console-links/route";
import * as deliveryRoute from "../../../deliveries/[id]/route";
import * as replayRoute from "../../../deliveries/[id]/replay/route";
import * as deliveriesRoute from "../../../deliveries/route";
import * as eventsRoute from "../../../events/route";
import * as webhookRoute from "../../../webhooks/[id]/route";
import * as rotateRoute from "../../../webhooks/[id]/signing/rotate/route";
import * as signingRoute from "../../../webhooks/[id]/signing/route";
import * as webhooksRoute from "../../../webhooks/route";

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>>; caller?: Caller },
) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", unknown>>;

// The org-level routes of /api/v1 by path pattern (`:id` is one segment): a new org-level route
// gets a line here to be reachable under /api/v1/orgs/{id}/ as well.
const ORG_ROUTES: Array<[pattern: string, module: Module]> = [
  ["events", eventsRoute],
  ["webhooks", webhooksRoute],
  ["webhooks/:id", webhookRoute],
  ["webhooks/:id/signing", signingRoute],
  ["webhooks/:id/signing/rotate", rotateRoute],
  ["deliveries", deliveriesRoute],
  ["deliveries/:id", deliveryRoute],
  ["deliveries/:id/replay", replayRoute],
  ["console-links", consoleLinksRoute],
];

/** The handler and params for `method` on `path` (the segments after /orgs/{id}/), or null. */
export function matchOrgRoute(
  method: string,
  path: string[],
): { handler: Handler; params: Record<string, string> } | null {
  for (const [pattern, module] of ORG_ROUTES) {
    const parts = pattern.split("/");
    if (parts.length !== path.length) continue;
    const params: Record<string, string> = {};
    if (!parts.every((part, i) => (part === ":id" ? ((params.id = path[i]), true) : part === path[i]))) continue;
    const handler = module[method as keyof Module];
    return handler ? { handler: handler as Handler, params } : null;
  }
  return null;
}
