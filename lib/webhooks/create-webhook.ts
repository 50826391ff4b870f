import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { newId } from "../ids";
import { generateSigningSecret } from "../signing/secret";
import { auditPolicy, changesPolicy, policyData } from "../webhook-policy/webhook-data";
import type { CreateWebhookInput } from "./schemas";

/** A new webhook of the caller's org with its first signing secret. */
export async function createWebhook(
  { db, cipher, now = () => new Date() }: Pick<AppContext, "db" | "cipher"> & Partial<Pick<AppContext, "now">>,
  caller: Caller,
  input: CreateWebhookInput,
) {
  const { orgId } = authorize(caller, "webhook.create");
  if (changesPolicy(input)) authorize(caller, "webhook.policy.update");
  const id = newId("wh");
  return db.prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.create({
      data: {
        id,
        orgId,
        url: input.url,
        description: input.description,
        eventTypes: input.event_types,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "manual",
        disabledAt: input.enabled ? null : now(),
        ...policyData(cipher, input),
        purpose: input.purpose,
      },
    });
    await tx.signingSecret.create({
      data: { id: newId("whs"), webhookId: id, secretEncrypted: cipher.encrypt(generateSigningSecret()) },
    });
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "webhook.create",
      targetType: "webhook",
      targetId: id,
      details: { url: input.url, ...auditPolicy(input) },
    });
    return webhook;
  });
}
