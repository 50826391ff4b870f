import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorCaller, platformCaller, systemCaller, tokenCaller, type Caller } from "@/lib/auth/caller";
import { authenticateOperatorToken, storeOperatorToken } from "@/lib/auth/operator-tokens";
import { POLICY, type Action, type Rule } from "@/lib/auth/policy";
import { ACTION_SCOPES, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/token-scopes";
import { setAppContext } from "@/lib/context";
import { ForbiddenError, InsufficientScopeError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { addWebhook, sendEvent } from "@/lib/testing/engine-fixtures";
import { createScopedToken, createTestCaller, createTestOrg } from "@/lib/testing/org-fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/receivers";
import { createTestContext, type TestContext } from "@/lib/testing/test-database";
import { cancelRecovery } from "@/lib/recovery/cancel";
import { createRecovery } from "@/lib/recovery/create";
import { ACTION_ENTRIES, type Fixture } from "./authorization-matrix.entries";
import * as orgScopedRoute from "./api/v1/orgs/[org]/[...path]/route";

// Every row of lib/auth/policy.ts, tried as an admin, a viewer and the API token of the org, as
// an admin (or the token) of another org, as the operator token acting for org A and as the same
// token on the platform (bound to no org), and as no one: through each
// lib/ entry point with a Caller (the console's server actions are that call behind the session
// cookie, which Vitest cannot provide) and through each /api/v1 route handler that performs it,
// org-level routes also as /api/v1/orgs/{id}/… (the operator acting for the org; the org's own
// token; another org's token, which must not reach it). Then again as a token holding each narrow
// scope alone (lib/auth/token-scopes.ts). Each is allowed or refused exactly as the tables say,
// and a refusal changes nothing of the org.

type Who = "admin" | "viewer" | "token" | "other org" | "operator" | "platform" | "no one";
const WHO: Who[] = ["admin", "viewer", "token", "other org", "operator", "platform", "no one"];
/** How an org-level route is called: directly, or through /api/v1/orgs/{org A}/…. */
type Via = "direct" | "orgs";
type Outcome = "allowed" | "unauthorized" | "forbidden" | "insufficient_scope" | "not_found";
const NARROW_SCOPES = TOKEN_SCOPES.filter((scope) => scope !== "all");

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

  it("grants narrow token scopes only for actions whose row lets tokens do them at all", () => {
    const scoped = Object.keys(ACTION_SCOPES) as Action[];
    expect(scoped.filter((action) => !(POLICY[action].scopes as readonly string[]).includes("all"))).toEqual([]);
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
  ACTION_ENTRIES[action].api.flatMap((route) => {
    // The operator token is the platform caller on the orgs API; on /api/v1/… it is no org's token (401).
    const direct = ["token", "other org", "platform", "no one"] as const;
    const cases = direct.map((who) => [action, route.name, "direct" as Via, who as Who] as const);
    if (route.platform) return cases;
    const viaOrgs = (["operator", "token", "other org", "no one"] as const).map(
      (who) => [action, route.name, "orgs" as Via, who as Who] as const,
    );
    return [...cases, ...viaOrgs];
  }),
);

describe("every action through its /api/v1 route", () => {
  it.each(apiCases)("%s (%s) %s as %s", async (action, name, via, who) => {
    const f = await createFixture();
    const entry = ACTION_ENTRIES[action];
    const route = entry.api.find((r) => r.name === name)!;
    const targeted = route.targeted ?? entry.targeted;
    // Through /orgs/{org A}/, another org's token is stopped at the org: "not found" whatever the action.
    const expected =
      via === "orgs" && who === "other org"
        ? "not_found"
        : who === "platform" && !route.platform
          ? "unauthorized"
          : expectedOutcome(action, who, targeted, who === "other org" ? "token" : who);
    const token = {
      token: f.apiToken,
      "other org": f.otherApiToken,
      operator: f.operatorToken,
      platform: f.operatorToken,
      "no one": null,
    }[who as "token"];
    const before = await orgState(f.orgId);
    const path = via === "orgs" ? `/orgs/${f.orgId}${route.path(f)}` : route.path(f);
    const request = new Request(`http://localhost/api/v1${path}`, {
      method: route.method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), "content-type": "application/json" },
      body: route.body ? JSON.stringify(route.body(f)) : undefined,
    });
    const response =
      via === "orgs"
        ? await dispatchViaOrgs(route.method, request, f.orgId, route.path(f))
        : await route.handler(request, { params: Promise.resolve(route.params?.(f) ?? {}) });
    const text = await response.text();
    expect({ status: statusClass(response.status, text), text }).toMatchObject({ status: expected });
    if (expected !== "allowed" || who === "other org") expect(await orgState(f.orgId)).toEqual(before);
    if (who === "other org") expect(text).not.toMatch(leakPattern(f));
  });
});

const scopeCases = (Object.keys(POLICY) as Action[]).flatMap((action) =>
  NARROW_SCOPES.map((scope) => [action, scope] as const),
);

describe("every action through its lib/ entry point as a token with one scope", () => {
  it.each(scopeCases)("%s with %s", async (action, scope) => {
    const expected = expectedForScope(action, scope);
    const { f, token } = await scopedFixture(scope, expected);
    const before = await orgState(f.orgId);
    const result = await ACTION_ENTRIES[action].lib(ctx, token.caller, f).then(
      (value) => ({ outcome: "allowed" as Outcome, value }),
      (error) => ({ outcome: outcomeOf(error), value: error as Error }),
    );
    expect(result.outcome).toBe(expected);
    if (expected === "insufficient_scope") expect((result.value as Error).message).toContain(namedScope(action));
    if (expected !== "allowed") expect(await orgState(f.orgId)).toEqual(before);
  });
});

const apiScopeCases = (Object.keys(POLICY) as Action[]).flatMap((action) =>
  ACTION_ENTRIES[action].api.flatMap((route) => NARROW_SCOPES.map((scope) => [action, route.name, scope] as const)),
);

describe("every action through its /api/v1 route as a token with one scope", () => {
  it.each(apiScopeCases)("%s (%s) with %s", async (action, name, scope) => {
    const expected = expectedForScope(action, scope);
    const { f, token } = await scopedFixture(scope, expected);
    const route = ACTION_ENTRIES[action].api.find((r) => r.name === name)!;
    const before = await orgState(f.orgId);
    const response = await route.handler(
      new Request(`http://localhost/api/v1${route.path(f)}`, {
        method: route.method,
        headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" },
        body: route.body ? JSON.stringify(route.body(f)) : undefined,
      }),
      { params: Promise.resolve(route.params?.(f) ?? {}) },
    );
    const text = await response.text();
    expect({ status: statusClass(response.status, text), text }).toMatchObject({ status: expected });
    if (expected === "insufficient_scope") expect(JSON.parse(text).error.message).toContain(namedScope(action));
    if (expected !== "allowed") expect(await orgState(f.orgId)).toEqual(before);
  });
});

/** What the scope table says of a token holding only `scope`. */
function expectedForScope(action: Action, scope: TokenScope): Outcome {
  if (!(POLICY[action].scopes as readonly string[]).includes("all")) return "forbidden";
  return ACTION_SCOPES[action]?.includes(scope) ? "allowed" : "insufficient_scope";
}

/** The scope a refusal must name: the action's narrow scope, or `all` when only that grants it. */
function namedScope(action: Action): string {
  return `\`${ACTION_SCOPES[action]?.[0] ?? "all"}\``;
}

// A refusal changes nothing, so every refused case shares one fixture (and its scoped tokens);
// an allowed one may change the org, so it gets a fixture of its own.
let shared: { f: Fixture; tokens: Map<TokenScope, Awaited<ReturnType<typeof createScopedToken>>> } | undefined;

async function scopedFixture(scope: TokenScope, expected: Outcome) {
  if (expected === "allowed") {
    const f = await createFixture();
    return { f, token: await createScopedToken(ctx.db, f.orgId, [scope]) };
  }
  shared ??= { f: await createFixture(), tokens: new Map() };
  if (!shared.tokens.has(scope)) shared.tokens.set(scope, await createScopedToken(ctx.db, shared.f.orgId, [scope]));
  return { f: shared.f, token: shared.tokens.get(scope)! };
}

/** What the table says: no one is refused as unauthenticated, a caller the row does not list as forbidden. */
function expectedOutcome(action: Action, who: Who, targeted: boolean, as: Who): Outcome {
  if (who === "no one") return "unauthorized";
  const rule: Rule = POLICY[action];
  if (who === "operator") return rule.operator ? "allowed" : "forbidden";
  if (who === "platform") return rule.platform ? "allowed" : "forbidden";
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
  if (error instanceof InsufficientScopeError) return "insufficient_scope";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof NotFoundError) return "not_found";
  throw error;
}

function statusClass(status: number, text: string): Outcome | number {
  if (status >= 200 && status < 300) return "allowed";
  if (status === 403 && JSON.parse(text).error.code === "insufficient_scope") return "insufficient_scope";
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
    case "operator":
      return f.operator;
    case "platform":
      return f.platform as unknown as Caller;
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
  const operatorToken = await storeOperatorToken(ctx.db);
  const operatorId = (await authenticateOperatorToken(ctx.db, `Bearer ${operatorToken}`))!;
  const recovery = await createRecovery(ctx, systemCaller(a.orgId), {
    webhook_id: webhook.id,
    since: new Date(0),
    statuses: ["failed"],
    dry_run: false,
  });
  if (recovery.dryRun) throw new Error("expected a recovery");
  await cancelRecovery(ctx, systemCaller(a.orgId), { recoveryId: recovery.recovery.id });
  return {
    operatorToken,
    platform: platformCaller(operatorId),
    operator: operatorCaller(operatorId, a.orgId),
    orgId: a.orgId,
    apiToken: a.apiToken,
    otherApiToken: b.apiToken,
    admin: await createTestCaller(ctx.db, a.orgId, "admin"),
    viewer: await createTestCaller(ctx.db, a.orgId, "viewer"),
    memberId: (await createTestCaller(ctx.db, a.orgId, "viewer")).id,
    token: tokenCaller({ tokenId, orgId: a.orgId, scopes: ["all"] }),
    otherAdmin: await createTestCaller(ctx.db, b.orgId, "admin"),
    webhookId: webhook.id,
    deliveryId: deliveries[0].id,
    recoveryId: recovery.recovery.id,
    namedTokenId: (await createScopedToken(ctx.db, a.orgId, ["events:write"])).id,
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
    tokens: await p.apiToken.findMany({
      where: { orgId },
      select: { id: true, revokedAt: true },
      orderBy: { id: "asc" },
    }),
    audit: await p.auditLog.count({ where: { orgId } }),
    recoveries: await p.recovery.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  };
}

/** The catch-all route of /api/v1/orgs/{org}/…, as Next.js calls it. */
function dispatchViaOrgs(method: string, request: Request, org: string, rest: string): Promise<Response> {
  const handler = orgScopedRoute[method as "GET"];
  return handler(request, { params: Promise.resolve({ org, path: rest.split("/").filter(Boolean) }) });
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
