import { getAppContext } from "@/lib/context";
import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getAppContext().db);
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
