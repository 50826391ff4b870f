import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Browser, type Page, type Request } from "@playwright/test";
import { createCipher } from "../lib/crypto/encryption";
import { connectDatabase } from "../lib/db/client";
import { createTestOrg, createTestUser } from "../lib/testing/org-fixtures";
import { createWebhook } from "../lib/webhooks/manage";
import { rotateSigningSecret } from "../lib/webhooks/rotate-secret";
import { getSigningInfo } from "../lib/webhooks/signing-secrets";
import { E2E_ADMIN, E2E_DATABASE_URL, E2E_ENCRYPTION_KEY } from "../playwright.config";

// Shared by the webhook journeys: a receiver that keeps the raw bytes it got, and the app's
// database for what the UI cannot set up or show (a viewer, a second org, the stored secrets).

export type ReceivedRequest = { headers: http.IncomingHttpHeaders; body: Buffer };
export type Receiver = { url: string; requests: ReceivedRequest[]; close: () => Promise<void> };

/** A node:http receiver on 127.0.0.1 (port chosen by the system) answering 200 to every POST. */
export async function startReceiver(path = "/hooks/novavms"): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function withDatabase<T>(fn: (deps: { db: ReturnType<typeof connectDatabase>; cipher: ReturnType<typeof createCipher> }) => Promise<T>) {
  const db = connectDatabase(E2E_DATABASE_URL, { poolSize: 2 });
  try {
    return await fn({ db, cipher: createCipher(Buffer.from(E2E_ENCRYPTION_KEY, "base64")) });
  } finally {
    await db.close();
  }
}

/** The first-run admin's org. */
export function adminOrgId(): Promise<string> {
  return withDatabase(async ({ db }) => (await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } })).orgId);
}

/** A user (password "correct horse battery") in `orgId`. */
export function createUser(orgId: string, role: "admin" | "viewer") {
  return withDatabase(({ db }) => createTestUser(db, orgId, role));
}

/** A new org of its own, for isolation checks. */
export function createOrg(name: string): Promise<string> {
  return withDatabase(async ({ db, cipher }) => (await createTestOrg(db, cipher, name)).orgId);
}

/** A webhook created as the API would, bypassing the console. */
export function createOrgWebhook(orgId: string, url: string, options: { description?: string; eventTypes?: string[] } = {}): Promise<string> {
  return withDatabase(async ({ db, cipher }) => {
    const input = { url, description: options.description ?? "", event_types: options.eventTypes ?? [], enabled: true };
    return (await createWebhook(db, cipher, orgId, input, "system")).id;
  });
}

/** A rotation made as the API would (the console's own Rotate is what the journeys test). */
export function rotateSecret(orgId: string, webhookId: string, graceSeconds: number) {
  return withDatabase(({ db, cipher }) => rotateSigningSecret(db, cipher, { orgId, webhookId, graceSeconds, actor: "system" }));
}

/** What the database holds: the current secret and how many previous ones still sign. */
export function storedSigning(orgId: string, webhookId: string) {
  return withDatabase(({ db, cipher }) => getSigningInfo(db, cipher, orgId, webhookId));
}

export function deliveryCount(webhookId: string): Promise<number> {
  return withDatabase(({ db }) => db.prisma.delivery.count({ where: { webhookId } }));
}

/** A browser context of its own, signed in as `user`, on `path`. */
export async function signInAs(browser: Browser, user: { email: string; password: string }, path: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === path);
  return { context, page };
}

/** The server action POST that `act` makes, to replay it as someone else. */
export async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    act(),
  ]);
  return request;
}

/** The captured action's headers without its cookie, to send with another session's. */
export function replayHeaders(request: Request): Record<string, string> {
  const headers = { ...request.headers() };
  delete headers.cookie;
  return headers;
}
