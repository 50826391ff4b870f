import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "../context";
import { signIn } from "../auth/sign-in";
import { systemCaller, userCaller, type Caller } from "../auth/caller";
import { createTestOrg, createTestUser, type TestUser } from "../testing/org-fixtures";
import { routeFetch } from "../testing/route-fetch";
import { createTestContext, type TestContext } from "../testing/test-database";
import { createWebhook } from "../webhooks/create-webhook";
import { updateWebhook } from "../webhooks/update-webhook";
import { revealSigningSecret } from "../webhooks/reveal-secret";
import { rotateSigningSecret } from "../signing/rotate-secret";
import { safeParseQuery } from "./console-params";
import { describeActors, listAuditEvents } from "./queries";

// The audit log as the console page and GET /api/v1/audit-events read it.

let ctx: TestContext;
let org: { orgId: string; apiToken: string };
let other: { orgId: string; apiToken: string };
let admin: TestUser;
let webhookId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  org = await createTestOrg(ctx.db, ctx.cipher, "Audited");
  other = await createTestOrg(ctx.db, ctx.cipher, "Other");
  admin = await createTestUser(ctx.db, org.orgId, "admin");
  const signedIn = await signIn(
    ctx.db,
    { email: admin.email, password: admin.password, clientAddress: "198.51.100.7" },
    { sessionHours: 1 },
  );
  expect(signedIn.ok).toBe(true);
  const actor = userCaller(admin);
  const token: Caller = { kind: "token", id: "tok_1", orgId: org.orgId, scopes: ["all"] };
  const input = { url: "https://hooks.example.com/a", description: "", event_types: [], enabled: true };
  webhookId = (await createWebhook(ctx, actor, input)).id;
  await updateWebhook(ctx, actor, { webhookId, changes: { enabled: false } });
  await revealSigningSecret(ctx, actor, { webhookId });
  await rotateSigningSecret(ctx, token, { webhookId, graceSeconds: 0 });
  await createWebhook(ctx, systemCaller(other.orgId), { ...input, url: "https://hooks.example.com/b" });
});
afterAll(async () => {
  setAppContext(undefined);
  await ctx.close();
});

const page = (query: Record<string, string>) => {
  const parsed = safeParseQuery(query, 2);
  if (!parsed.ok) throw new Error(parsed.message);
  return listAuditEvents(ctx.db, org.orgId, parsed.value);
};

describe("the audit log", () => {
  it("lists the org's sign-ins, webhook changes, reveals and rotations, newest first, and nothing of another org", async () => {
    const { data } = await listAuditEvents(ctx.db, org.orgId, { limit: 100 });
    // Actions within one millisecond tie on time: the order asserted is the times', not the list's.
    expect(data.map((e) => e.action).sort()).toEqual(
      ["user.sign_in", "webhook.create", "webhook.secret.reveal", "webhook.secret.rotate", "webhook.update"].sort(),
    );
    const times = data.map((e) => e.created_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(data.find((e) => e.action === "user.sign_in")).toMatchObject({
      actor: `user:${admin.id}`,
      details: { address: "198.51.100.7" },
    });
    const labels = await describeActors(ctx.db, org.orgId, [`user:${admin.id}`, "token:tok_1", "system"]);
    expect([...labels.values()]).toEqual([admin.email, "API token", "System"]);
  });

  it("filters by actor and by action (a whole action, or a prefix ending in a dot), and pages with cursors", async () => {
    const byToken = await page({ actor: "token:tok_1" });
    expect(byToken.data.map((e) => e.action)).toEqual(["webhook.secret.rotate"]);
    const secrets = await page({ action: "webhook.secret." });
    expect(secrets.data.map((e) => e.action).sort()).toEqual(["webhook.secret.reveal", "webhook.secret.rotate"]);
    const exact = await page({ action: "webhook.update" });
    expect(exact.data).toHaveLength(1);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(cursor ? { cursor } : {});
      seen.push(...next.data.map((e) => e.action));
      cursor = next.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(safeParseQuery({ cursor: "garbage" }, 2)).toEqual({ ok: false, message: expect.stringContaining("cursor") });
  });

  it("is served by GET /api/v1/audit-events to the org's token, filtered and scoped", async () => {
    const get = (path: string, token = org.apiToken) =>
      routeFetch(new Request(`http://localhost/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } }));
    const all = await get("/audit-events");
    expect(all.status).toBe(200);
    const body = (await all.json()) as {
      data: Array<{ action: string; target_id: string }>;
      next_cursor: string | null;
    };
    expect(body.data.map((e) => e.action)).toContain("webhook.secret.reveal");
    expect(body.data.every((e) => e.target_id === webhookId || e.action === "user.sign_in")).toBe(true);

    const filtered = await get("/audit-events?action=webhook.create&limit=1");
    expect(((await filtered.json()) as { data: unknown[] }).data).toHaveLength(1);
    const theirs = await get("/audit-events", other.apiToken);
    const theirEvents = ((await theirs.json()) as { data: Array<{ target_id: string }> }).data;
    expect(theirEvents.some((e) => e.target_id === webhookId)).toBe(false);

    expect((await get("/audit-events?limit=1000")).status).toBe(400);
    expect((await get("/audit-events?colour=blue")).status).toBe(400);
    expect((await get("/audit-events", "not-a-token")).status).toBe(401);
  });
});
