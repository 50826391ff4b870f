import { clientAddressFrom } from "@/lib/auth/request-meta";
import { getAppContext } from "@/lib/context";
import { metricsAccessAllowed } from "@/lib/metrics/access";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";

// Prometheus scrape endpoint of the web process (API requests, events ingested, the database
// gauges). The worker serves its own on NOVAVMS_METRICS_PORT.
export async function GET(request: Request) {
  const app = getAppContext();
  const allowed = metricsAccessAllowed({
    token: app.config.metricsToken,
    authorization: request.headers.get("authorization"),
    address: clientAddressFrom(request.headers),
  });
  if (!allowed) return new Response("Forbidden: send NOVAVMS_METRICS_TOKEN as a Bearer token\n", { status: 403 });
  const { contentType, body } = await renderMetrics(app.db);
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
