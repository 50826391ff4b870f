import { getAppContext } from "@/lib/context";
import { drainBodyCapped, isSignedDelivery } from "@/lib/demo/sandbox-access";
import { sandboxAnswer } from "@/lib/demo/sandbox";

export const dynamic = "force-dynamic";

async function answer(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  // Read what was sent, as a real receiver would, before answering (but never more than 1 MB).
  const body = await drainBodyCapped(request);
  if (!body) return Response.json({ error: "the sandbox reads at most 1 MB" }, { status: 413 });
  const { config, db, cipher } = getAppContext();
  if (!config.demo && !(await isSignedDelivery(db, cipher, request.headers, body))) {
    return Response.json({ error: "the sandbox receiver is on in demo mode only" }, { status: 404 });
  }
  const result = sandboxAnswer((await params).path, {
    slowMs: Math.min(config.deliveryTimeoutMs + 2_000, 15_000),
  });
  if (result.delayMs) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
  return new Response(result.body, {
    status: result.status,
    headers: { "content-type": result.contentType, "X-Content-Type-Options": "nosniff" },
  });
}

export { answer as GET, answer as POST };
