import { describe, expect, it } from "vitest";
import { auditActor, systemCaller, tokenCaller, userCaller } from "./caller";

describe("auditActor", () => {
  it("names a user, a token and the process itself as the audit log always has", () => {
    expect(auditActor(userCaller({ id: "usr_1", orgId: "org_1", role: "viewer" }))).toBe("user:usr_1");
    expect(auditActor(tokenCaller({ tokenId: "tok_1", orgId: "org_1", scopes: ["all"] }))).toBe("token:tok_1");
    expect(auditActor(systemCaller("org_1"))).toBe("system");
  });

  it("gives an API token the scopes it was created with, and a user only the fields authorization reads", () => {
    expect(tokenCaller({ tokenId: "tok_1", orgId: "org_1", scopes: ["events:write"] })).toEqual({
      kind: "token",
      id: "tok_1",
      orgId: "org_1",
      scopes: ["events:write"],
    });
    const session = { id: "usr_1", orgId: "org_1", role: "admin" as const, email: "a@example.test", name: "A" };
    expect(userCaller(session)).toEqual({ kind: "user", id: "usr_1", orgId: "org_1", role: "admin" });
  });
});
