import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { getWebhook, listWebhooks } from "./queries";
import { getSigningInfo, type SigningInfo } from "./signing-secrets";

// The API's reads of webhooks, each authorized for the caller and scoped to its org.

/** One webhook of the caller's org (404 for any other). */
export async function readWebhook({ db }: Pick<AppContext, "db">, caller: Caller, input: { webhookId: string }) {
  const { orgId } = authorize(caller, "webhook.read");
  return getWebhook(db, orgId, input.webhookId);
}

/** A page of the caller's org's webhooks, newest first. */
export async function readWebhooks(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { limit: number; cursor?: string },
) {
  const { orgId } = authorize(caller, "webhook.read");
  return listWebhooks(db, orgId, input);
}

/** The current signing secret in clear and the previous ones still valid (`GET …/signing`). */
export async function readSigningSecrets(
  { db, cipher, now }: Pick<AppContext, "db" | "cipher" | "now">,
  caller: Caller,
  input: { webhookId: string },
): Promise<SigningInfo> {
  const { orgId } = authorize(caller, "webhook.secret.read");
  return getSigningInfo(db, cipher, orgId, input.webhookId, now());
}
