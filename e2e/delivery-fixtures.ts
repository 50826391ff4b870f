import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import { createCipher } from "../lib/crypto/encryption";
import { connectDatabase } from "../lib/db/client";
import { revealApiToken } from "../lib/org/api-token";
import { createTestOrg, createTestUser } from "../lib/testing/org-fixtures";
import { E2E_ADMIN, E2E_DATABASE_URL, E2E_ENCRYPTION_KEY } from "../playwright.config";

// Shared by the delivery journeys: a real receiver the test can switch, the app's database for
// what the UI cannot set up (a second org, a viewer, the org's API token), and the API calls a
// producer would make.

export type ReceiverAnswer = { status: number; body: string; contentType?: string; headers?: Record<string, string>; delayMs?: number };
export type ReceivedRequest = { headers: http.IncomingHttpHeaders; body: string };

export type TestReceiver = {
  url: string;
  /** What the next request is answered with; assign to switch behaviour mid-test. */
  answer: ReceiverAnswer | ((body: string) => ReceiverAnswer);
  requests: ReceivedRequest[];
  close: () => Promise<void>;
};

/** A node:http receiver on 127.0.0.1, port chosen by the system. */
export async function startReceiver(answer: TestReceiver["answer"], path = "/webhooks/novavms"): Promise<TestReceiver> {
  const receiver: Omit<TestReceiver, "url" | "close"> = { answer, requests: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      receiver.requests.push({ headers: req.headers, body });
      const reply = typeof receiver.answer === "function" ? receiver.answer(body) : receiver.answer;
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json", ...reply.headers });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** The `X-NovaVMS-Request-Id` of the latest request the receiver got. */
export function lastRequestId(receiver: TestReceiver): string {
  const value = receiver.requests.at(-1)?.headers["x-novavms-request-id"];
  if (typeof value !== "string") throw new Error("the receiver has not been called");
  return value;
}

function openDatabase() {
  const db = connectDatabase(E2E_DATABASE_URL, { poolSize: 2 });
  const cipher = createCipher(Buffer.from(E2E_ENCRYPTION_KEY, "base64"));
  return { db, cipher };
}

/** The first-run org's current API token (other journeys may have regenerated it). */
export async function adminOrgApiToken(): Promise<{ token: string; orgId: string }> {
  const { db, cipher } = openDatabase();
  try {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: E2E_ADMIN.email } });
    return { token: await revealApiToken({ db, cipher }, admin), orgId: admin.orgId };
  } finally {
    await db.close();
  }
}

/** A new user (password "correct horse battery") in `orgId`, or in a new org of its own. */
export async function createUser(role: "admin" | "viewer", options: { orgId?: string; orgName?: string; email?: string } = {}) {
  const { db, cipher } = openDatabase();
  try {
    const org = options.orgId ? { orgId: options.orgId, apiToken: "" } : await createTestOrg(db, cipher, options.orgName ?? "Other org");
    const user = await createTestUser(db, org.orgId, role, options.email);
    return { ...user, apiToken: org.apiToken };
  } finally {
    await db.close();
  }
}

/** A browser context of its own, signed in as `user`. */
export async function signInAs(browser: Browser, user: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/deliveries");
  return { context, page };
}

export type Api = ReturnType<typeof producerApi>;

/** The calls a producer makes with the org's API token. */
export function producerApi(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const ok = async <T>(response: APIResponse): Promise<T> => {
    expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(true);
    return response.status() === 204 ? (undefined as T) : ((await response.json()) as T);
  };
  return {
    createWebhook: (url: string, eventTypes: string[] = [], description = "") =>
      request.post("/api/v1/webhooks", { headers, data: { url, event_types: eventTypes, description } }).then((r) => ok<{ id: string }>(r)),
    deleteWebhook: (id: string) => request.delete(`/api/v1/webhooks/${id}`, { headers }).then((r) => ok<void>(r)),
    sendEvent: (type: string, data: Record<string, unknown>) =>
      request
        .post("/api/v1/events", { headers, data: { type, data } })
        .then((r) => ok<{ id: string; deliveries: { id: string; webhook_id: string }[] }>(r)),
    countDeliveries: (webhookId: string, status: string) =>
      request
        .get(`/api/v1/deliveries?webhook_id=${webhookId}&status=${status}&limit=100`, { headers })
        .then((r) => ok<{ data: unknown[] }>(r))
        .then((page) => page.data.length),
    getDelivery: (id: string) =>
      request.get(`/api/v1/deliveries/${id}`, { headers }).then((r) =>
        ok<{ id: string; status: string; attempt_count: number; attempts: { request_id: string; trigger: string }[] }>(r),
      ),
  };
}

/** Waits (polling the API) until the delivery satisfies `check`. */
export async function waitForDelivery(api: Api, id: string, check: (d: Awaited<ReturnType<Api["getDelivery"]>>) => boolean, timeout = 30_000) {
  await expect.poll(async () => check(await api.getDelivery(id)), { timeout, intervals: [250] }).toBe(true);
  return api.getDelivery(id);
}

/** The log's data rows, top first. */
export function logRows(page: Page) {
  return page.getByRole("table", { name: "Deliveries, latest activity first" }).locator("tbody tr");
}
