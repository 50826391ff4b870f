import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { findWebhook, getSigningSummary, getWebhook, listWebhooks, type SigningSummary } from "./queries";
import { getSigningInfo, type SigningInfo } from "../signing/signing-info";
import { getWebhookOverview, listWebhookSummaries } from "./stats";

// The reads of webhooks for the API and the console, each authorized for the caller and scoped to
// its org.

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

/** The console's lookup of one webhook of the caller's org, or null (pages answer 404). */
export async function findWebhookFor({ db }: Pick<AppContext, "db">, caller: Caller, input: { webhookId: string }) {
  const { orgId } = authorize(caller, "webhook.read");
  return findWebhook(db, orgId, input.webhookId);
}

/** The Webhooks page: every webhook of the caller's org with its success rate since `since`. */
export async function readWebhookSummaries({ db }: Pick<AppContext, "db">, caller: Caller, input: { since: Date }) {
  const { orgId } = authorize(caller, "webhook.read");
  return listWebhookSummaries(db, orgId, input.since);
}

/** The Overview tab of a webhook of the caller's org. */
export async function readWebhookOverview(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: { webhookId: string; since: Date; bucketMinutes: number },
) {
  const { orgId } = authorize(caller, "webhook.read");
  return getWebhookOverview(db, orgId, input.webhookId, input);
}

/** The Signing tab: the current secret masked (viewers see this too) and the previous ones. */
export async function readSigningSummary(
  { db, cipher }: Pick<AppContext, "db" | "cipher">,
  caller: Caller,
  input: { webhookId: string },
): Promise<SigningSummary> {
  const { orgId } = authorize(caller, "webhook.read");
  return getSigningSummary(db, cipher, orgId, input.webhookId);
}
