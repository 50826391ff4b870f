import type { Caller } from "@/lib/auth/caller";
import * as alertDestinationsRoute from "../../../alert-destinations/route";
import * as auditEventsRoute from "../../../audit-events/route";
import * as consoleLinksRoute from "../../../console-links/route";
import * as deliveryRoute from "../../../deliveries/[id]/route";
import * as replayRoute from "../../../deliveries/[id]/replay/route";
import * as deliveriesRoute from "../../../deliveries/route";
import * as eventsBatchRoute from "../../../events/batch/route";
import * as eventsRoute from "../../../events/route";
import * as cancelRecoveryRoute from "../../../recoveries/[id]/cancel/route";
import * as recoveryRoute from "../../../recoveries/[id]/route";
import * as recoveriesRoute from "../../../recoveries/route";
import * as checkRoute from "../../../webhooks/[id]/check/route";
import * as webhookRoute from "../../../webhooks/[id]/route";
import * as expirePreviousRoute from "../../../webhooks/[id]/signing/expire-previous/route";
import * as rotateRoute from "../../../webhooks/[id]/signing/rotate/route";
import * as signingRoute from "../../../webhooks/[id]/signing/route";
import * as verifyRoute from "../../../webhooks/[id]/signing/verify/route";
import * as webhooksRoute from "../../../webhooks/route";

type Handler = (
  request: Request,
  route: { params: Promise<Record<string, string>>; caller?: Caller },
) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", unknown>>;

// The org-level routes of /api/v1 by path pattern (`:id` is one segment): a new org-level route
// gets a line here to be reachable under /api/v1/orgs/{id}/ as well.
export const ORG_ROUTES: Array<[pattern: string, module: Module]> = [
  ["events", eventsRoute],
  ["events/batch", eventsBatchRoute],
  ["webhooks", webhooksRoute],
  ["webhooks/:id", webhookRoute],
  ["webhooks/:id/signing", signingRoute],
  ["webhooks/:id/signing/rotate", rotateRoute],
  ["webhooks/:id/check", checkRoute],
  ["webhooks/:id/signing/verify", verifyRoute],
  ["webhooks/:id/signing/expire-previous", expirePreviousRoute],
  ["deliveries", deliveriesRoute],
  ["deliveries/:id", deliveryRoute],
  ["deliveries/:id/replay", replayRoute],
  ["recoveries", recoveriesRoute],
  ["recoveries/:id", recoveryRoute],
  ["recoveries/:id/cancel", cancelRecoveryRoute],
  ["alert-destinations", alertDestinationsRoute],
  ["audit-events", auditEventsRoute],
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
