import { getAppContext } from "@/lib/context";
import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { db, now, config } = getAppContext();
  const health = await checkHealth(db, { now: now(), workerStaleMs: config.workerStaleSeconds * 1000 });
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
