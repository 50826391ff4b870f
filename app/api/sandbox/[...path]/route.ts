import { getConfig } from "@/lib/config";
import { sandboxAnswer } from "@/lib/demo/sandbox";

export const dynamic = "force-dynamic";

async function answer(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  // Read what was sent, as a real receiver would, before answering.
  await request.arrayBuffer();
  const result = sandboxAnswer((await params).path, {
    slowMs: Math.min(getConfig().deliveryTimeoutMs + 2_000, 15_000),
  });
  if (result.delayMs) await new Promise((resolve) => setTimeout(resolve, result.delayMs));
  return new Response(result.body, { status: result.status, headers: { "content-type": result.contentType } });
}

export { answer as GET, answer as POST };
