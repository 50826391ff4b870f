import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/parse";
import { jsonResponse } from "@/lib/api/respond";
import { rotateSigningSecret } from "@/lib/signing/rotate-secret";
import { rotateSecretInput } from "@/lib/webhooks/schemas";

export const POST = apiRoute<{ id: string }>(async ({ app, request, requestId, caller, params }) => {
  const input = await parseJsonBody(request, rotateSecretInput, 4_096, { optional: true });
  const signing = await rotateSigningSecret(app, caller, {
    webhookId: params.id,
    graceSeconds: input.grace_period_seconds,
  });
  return jsonResponse(signing, requestId);
});
