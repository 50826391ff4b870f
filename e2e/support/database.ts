import { systemCaller, userCaller } from "../../lib/auth/caller";
import { systemClock } from "../../lib/context";
import { createCipher, type Cipher } from "../../lib/crypto/encryption";
import { connectDatabase, type Db } from "../../lib/db/client";
import { revealApiToken } from "../../lib/org/api-token";
import { createTestOrg, createTestUser } from "../../lib/testing/org-fixtures";
import { createWebhook } from "../../lib/webhooks/create-webhook";
import { rotateSigningSecret } from "../../lib/signing/rotate-secret";
import { getSigningInfo } from "../../lib/signing/signing-info";
import { E2E_ADMIN, E2E_DATABASE_URL, E2E_ENCRYPTION_KEY } from "../../playwright.config";

// The app's own database, for what the UI cannot set up or show: a second org, a viewer, the
// org's API token, the stored secrets.

/** The first-run admin's org. */
export function adminOrgId(): Promise<string> {
  return withDatabase(
    async ({ db }) => (await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } })).orgId,
  );
}

/** The first-run org's current API token (other journeys may have regenerated it). */
export function adminOrgApiToken(): Promise<{ token: string; orgId: string }> {
  return withDatabase(async ({ db, cipher }) => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    return { token: await revealApiToken({ db, cipher }, userCaller(admin)), orgId: admin.orgId };
  });
}

/** A new user (password "correct horse battery") in `orgId`, or in a new org of its own. */
export function createUser(
  role: "admin" | "viewer",
  options: { orgId?: string; orgName?: string; email?: string } = {},
) {
  return withDatabase(async ({ db, cipher }) => {
    const org = options.orgId
      ? { orgId: options.orgId, apiToken: "" }
      : await createTestOrg(db, cipher, options.orgName ?? "Other org");
    const user = await createTestUser(db, org.orgId, role, options.email);
    return { ...user, apiToken: org.apiToken };
  });
}

/** A new org of its own, for isolation checks. */
export function createOrg(name: string): Promise<string> {
  return withDatabase(async ({ db, cipher }) => (await createTestOrg(db, cipher, name)).orgId);
}

/** A webhook created as the API would, bypassing the console. */
export function createOrgWebhook(
  orgId: string,
  url: string,
  options: { description?: string; eventTypes?: string[] } = {},
): Promise<string> {
  return withDatabase(async ({ db, cipher }) => {
    const input = { url, description: options.description ?? "", event_types: options.eventTypes ?? [], enabled: true };
    return (await createWebhook({ db, cipher }, systemCaller(orgId), input)).id;
  });
}

/** A rotation made as the API would (the console's own Rotate is what the journeys test). */
export function rotateSecret(orgId: string, webhookId: string, graceSeconds: number) {
  return withDatabase(({ db, cipher }) =>
    rotateSigningSecret({ db, cipher, now: systemClock }, systemCaller(orgId), { webhookId, graceSeconds }),
  );
}

/** What the database holds: the current secret and how many previous ones still sign. */
export function storedSigning(orgId: string, webhookId: string) {
  return withDatabase(({ db, cipher }) => getSigningInfo(db, cipher, orgId, webhookId));
}

export function deliveryCount(webhookId: string): Promise<number> {
  return withDatabase(({ db }) => db.prisma.delivery.count({ where: { webhookId } }));
}

// Each call opens and closes a small pool of its own, so no connection outlives the step that needed it.
async function withDatabase<T>(fn: (deps: { db: Db; cipher: Cipher }) => Promise<T>): Promise<T> {
  const db = connectDatabase(E2E_DATABASE_URL, { poolSize: 2 });
  try {
    return await fn({ db, cipher: createCipher(Buffer.from(E2E_ENCRYPTION_KEY, "base64")) });
  } finally {
    await db.close();
  }
}

/** The endpoint certificate an HTTPS attempt would have recorded (the journeys' receivers are plain HTTP). */
export function recordWebhookCertificate(webhookId: string, expiresAt: Date, issuer: string) {
  return withDatabase(({ db }) =>
    db.prisma.webhook.update({
      where: { id: webhookId },
      data: { certificateExpiresAt: expiresAt, certificateIssuer: issuer, certificateCheckedAt: new Date() },
    }),
  );
}
