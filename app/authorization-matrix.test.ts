import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller, tokenCaller, type Caller } from "@/lib/auth/caller";
import { POLICY, type Action } from "@/lib/auth/policy";
import { setAppContext } from "@/lib/context";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { addWebhook, sendEvent } from "@/lib/testing/engine-fixtures";
import { createTestCaller, createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { cancelRecovery } from "@/lib/recovery/cancel";
import { createRecovery } from "@/lib/recovery/create";
import { ACTION_ENTRIES, type Fixture } from "./authorization-matrix.entries";

// Every row of lib/auth/policy.ts, tried as an admin, a viewer and the API token of the org, as
// an admin (or the token) of another org, and as no one: through each lib/ entry point with a
// Caller (the console's server actions are that call behind the session cookie, which Vitest
// cannot provide) and through each /api/v1 route handler that performs it. Each is allowed or
// refused exactly as the table says, and a refusal changes nothing of the org.

type Who = "admin" | "viewer" | "token" | "other org" | "no one";
const WHO: Who[] = ["admin", "viewer", "token", "other org", "no one"];
type Outcome = "allowed" | "unauthorized" | "forbidden" | "not_found";

let ctx: TestContext;
let receiver: Receiver;
beforeAll(async () => {
  ctx = await createTestContext();
  setAppContext(ctx);
  receiver = await startReceiver((_req, res) => res.writeHead(200).end());
});
afterAll(async () => {
  setAppContext(undefined);
  await receiver?.close();
  await ctx?.close();
});

describe("the policy table", () => {
  it("has an entry in this matrix for every action, and every action lib/ authorizes has a row", () => {
    const rows = Object.keys(POLICY).sort();
    expect(Object.keys(ACTION_ENTRIES).sort()).toEqual(rows);
    const declared = actionsAuthorizedInLib();
    expect(declared.filter((action) => !rows.includes(action))).toEqual([]);
    expect(rows.filter((action) => !declared.includes(action))).toEqual([]);
  });
});

const libCases = (Object.keys(POLICY) as Action[]).flatMap((action) => WHO.map((who) => [action, who] as const));

describe("every action through its lib/ entry point", () => {
  it.each(libCases)("%s as %s", async (action, who) => {
    const f = await createFixture();
    const entry = ACTION_ENTRIES[action];
    const caller = libCaller(f, who);
    const expected = expectedOutcome(action, who, entry.targeted, who === "other org" ? "admin" : who);
    const before = await orgState(f.orgId);
    const result = await entry.lib(ctx, caller, f).then(
      (value) => ({ outcome: "allowed" as Outcome, value }),
      (error) => ({ outcome: outcomeOf(error), value: error }),
    );
    expect(result.outcome).toBe(expected);
    if (expected !== "allowed" || who === "other org") expect(await orgState(f.orgId)).toEqual(before);
    if (who === "other org") expect(JSON.stringify(result.value ?? null)).not.toMatch(leakPattern(f));
  });
});

const apiCases = (Object.keys(POLICY) as Action[]).flatMap((action) =>
  ACTION_ENTRIES[action].api.flatMap((route) =>
    (["token", "other org", "no one"] as const).map((who) => [action, route.name, who] as const),
  ),
);

describe("every action through its /api/v1 route", () => {
  it.each(apiCases)("%s (%s) as %s", async (action, name, who) => {
    const f = await createFixture();
    const entry = ACTION_ENTRIES[action];
    const route = entry.api.find((r) => r.name === name)!;
    const targeted = route.targeted ?? entry.targeted;
    const expected = expectedOutcome(action, who, targeted, who === "other org" ? "token" : who);
    const token = { token: f.apiToken, "other org": f.otherApiToken, "no one": null }[who];
    const before = await orgState(f.orgId);
    const request = new Request(`http://localhost/api/v1${route.path(f)}`, {
      method: route.method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), "content-type": "application/json" },
      body: route.body ? JSON.stringify(route.body(f)) : undefined,
    });
    const response = await route.handler(request, { params: Promise.resolve(route.params?.(f) ?? {}) });
    const text = await response.text();
    expect({ status: statusClass(response.status), text }).toMatchObject({ status: expected });
    if (expected !== "allowed" || who === "other org") expect(await orgState(f.orgId)).toEqual(before);
    if (who === "other org") expect(text).not.toMatch(leakPattern(f));
  });
});

/** What the table says: no one is refused as unauthenticated, a caller the row does not list as forbidden. */
function expectedOutcome(action: Action, who: Who, targeted: boolean, as: Who): Outcome {
  if (who === "no one") return "unauthorized";
  const rule = POLICY[action];
  const allowed =
    as === "token"
      ? (rule.scopes as readonly string[]).includes("all")
      : (rule.roles as readonly string[]).includes(as);
  if (!allowed) return "forbidden";
  // Another org's caller acts in its own org: org A's ids are not found there.
  return who === "other org" && targeted ? "not_found" : "allowed";
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof UnauthorizedError) return "unauthorized";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof NotFoundError) return "not_found";
  throw error;
}

function statusClass(status: number): Outcome | number {
  if (status >= 200 && status < 300) return "allowed";
  return ({ 401: "unauthorized", 403: "forbidden", 404: "not_found" } as Record<number, Outcome>)[status] ?? status;
}

function libCaller(f: Fixture, who: Who): Caller {
  switch (who) {
    case "admin":
      return f.admin;
    case "viewer":
      return f.viewer;
    case "token":
      return f.token;
    case "other org":
      return f.otherAdmin;
    case "no one":
      return null as unknown as Caller;
  }
}

/** Two orgs: A with an admin, a viewer, another member, its token, a webhook and a delivery; B with an admin and its token. */
async function createFixture(): Promise<Fixture> {
  const a = await createTestOrg(ctx.db, ctx.cipher, "Org A");
  const b = await createTestOrg(ctx.db, ctx.cipher, "Org B");
  const tokenId = (await ctx.db.prisma.apiToken.findFirstOrThrow({ where: { orgId: a.orgId } })).id;
  const webhook = await addWebhook(ctx, a.orgId, `${receiver.origin}/hook`);
  const { deliveries } = await sendEvent(ctx, a.orgId);
  await addWebhook(ctx, b.orgId, `${receiver.origin}/other`);
  const recovery = await createRecovery(ctx, systemCaller(a.orgId), {
    webhook_id: webhook.id,
    since: new Date(0),
    statuses: ["failed"],
    dry_run: false,
  });
  if (recovery.dryRun) throw new Error("expected a recovery");
  await cancelRecovery(ctx, systemCaller(a.orgId), { recoveryId: recovery.recovery.id });
  return {
    orgId: a.orgId,
    apiToken: a.apiToken,
    otherApiToken: b.apiToken,
    admin: await createTestCaller(ctx.db, a.orgId, "admin"),
    viewer: await createTestCaller(ctx.db, a.orgId, "viewer"),
    memberId: (await createTestCaller(ctx.db, a.orgId, "viewer")).id,
    token: tokenCaller({ tokenId, orgId: a.orgId }),
    otherAdmin: await createTestCaller(ctx.db, b.orgId, "admin"),
    webhookId: webhook.id,
    deliveryId: deliveries[0].id,
    recoveryId: recovery.recovery.id,
  };
}

/** Everything of org A that an action could change. */
async function orgState(orgId: string) {
  const p = ctx.db.prisma;
  return {
    webhooks: await p.webhook.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    secrets: await p.signingSecret.findMany({ where: { webhook: { orgId } }, orderBy: { id: "asc" } }),
    deliveries: await p.delivery.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    attempts: await p.deliveryAttempt.count({ where: { orgId } }),
    events: await p.event.count({ where: { orgId } }),
    users: await p.user.findMany({ where: { orgId }, select: { id: true, role: true }, orderBy: { id: "asc" } }),
    tokens: await p.apiToken.findMany({ where: { orgId }, select: { id: true, revokedAt: true } }),
    audit: await p.auditLog.count({ where: { orgId } }),
    recoveries: await p.recovery.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  };
}

function leakPattern(f: Fixture): RegExp {
  return new RegExp([f.orgId, f.webhookId, f.deliveryId, f.recoveryId, f.apiToken].join("|"));
}

/** The action names every `authorize(caller, "…")` in lib/ passes. */
function actionsAuthorizedInLib(): string[] {
  const root = path.resolve(import.meta.dirname, "../lib");
  const found = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const source = readFileSync(path.join(root, file), "utf8");
    for (const match of source.matchAll(/authorize\(\s*\w+,\s*"([^"]+)"\s*\)/g)) found.add(match[1]);
  }
  return [...found].sort();
}
