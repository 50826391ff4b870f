import { describe, expect, it } from "vitest";
import { InsufficientScopeError } from "../errors";
import { tokenCaller } from "./caller";
import { authorize, isAllowed, POLICY, type Action } from "./policy";
import { knownScopes, TOKEN_SCOPES, type TokenScope } from "./token-scopes";

// What a token holding one scope may do, written out by hand: the promise made to producers
// ("a token with events:write sends events and nothing else"), checked against the tables.

const token = (scopes: TokenScope[]) => tokenCaller({ tokenId: "tok_1", orgId: "org_1", scopes });
const allowedFor = (scopes: TokenScope[]) =>
  (Object.keys(POLICY) as Action[]).filter((action) => isAllowed(token(scopes), action)).sort();

describe("token scopes", () => {
  it("let each narrow scope do exactly its actions", () => {
    expect(allowedFor(["events:write"])).toEqual(["event.ingest"]);
    expect(allowedFor(["deliveries:read"])).toEqual(["delivery.read"]);
    expect(allowedFor(["deliveries:replay"])).toEqual(["delivery.replay"]);
    expect(allowedFor(["webhooks:read"])).toEqual(["webhook.read"]);
    expect(allowedFor(["webhooks:write"])).toEqual([
      "webhook.check",
      "webhook.create",
      "webhook.delete",
      "webhook.policy.update",
      "webhook.test_event",
      "webhook.update",
    ]);
    expect(allowedFor(["signing:read"])).toEqual(["webhook.secret.read", "webhook.secret.reveal"]);
    expect(allowedFor(["signing:rotate"])).toEqual([
      "webhook.secret.expire_previous",
      "webhook.secret.rotate",
      "webhook.secret.verify",
    ]);
    expect(allowedFor(["recoveries:write"])).toEqual(["recovery.cancel", "recovery.create", "recovery.read"]);
  });

  it("add up, and `all` does everything the API offers (the audit log included) but console-only actions", () => {
    expect(allowedFor(["events:write", "deliveries:read"])).toEqual(["delivery.read", "event.ingest"]);
    const all = allowedFor(["all"]);
    expect(all).toContain("audit.read");
    for (const scope of TOKEN_SCOPES) expect(all).toEqual(expect.arrayContaining(allowedFor([scope])));
    expect(all).not.toContain("api_token.create");
    expect(all).not.toContain("member.add");
    expect(allowedFor([])).toEqual([]);
  });

  it("refuse a missing scope with insufficient_scope naming it, and a console-only action with forbidden", () => {
    const producer = token(["events:write"]);
    expect(() => authorize(producer, "delivery.read")).toThrow(InsufficientScopeError);
    expect(() => authorize(producer, "delivery.read")).toThrow(/`deliveries:read` or `all`/);
    expect(() => authorize(producer, "audit.read")).toThrow(/scope this needs: `all`\./);
    expect(() => authorize(producer, "member.add")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(authorize(producer, "event.ingest")).toBe(producer);
  });

  it("ignore a stored scope the product does not know", () => {
    expect(knownScopes(["events:write", "admin", "ALL"])).toEqual(["events:write"]);
    expect(knownScopes(null)).toEqual([]);
  });
});
