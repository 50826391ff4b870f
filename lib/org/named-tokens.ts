import { createNamedApiToken } from "../auth/api-tokens";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { CreateNamedTokenInput } from "./schemas";

// Named API tokens, each with its own scopes (lib/auth/token-scopes.ts), so a producer can hold
// a token that only sends events. Only hashed: the value is shown once, when created. Creating
// and revoking are audited with the token's name and scopes, never its value.

/** Creates a named token; returns its value, which is never shown again. */
export async function createNamedToken(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: CreateNamedTokenInput,
): Promise<{ id: string; token: string }> {
  const { orgId } = authorize(caller, "api_token.create");
  return db.prisma.$transaction(async (tx) => {
    const created = await createNamedApiToken(tx, orgId, input);
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "api_token.create",
      targetType: "api_token",
      targetId: created.id,
      details: { name: input.name, scopes: input.scopes, prefix: created.prefix },
    });
    return { id: created.id, token: created.token };
  });
}

/** Revokes one of the org's named tokens; it stops working with the next request. */
export async function revokeNamedToken(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: { tokenId: string },
): Promise<void> {
  const { orgId } = authorize(caller, "api_token.revoke");
  await db.prisma.$transaction(async (tx) => {
    // Scoped to the org in the update itself; the main token is regenerated, not revoked here.
    const where = { id: input.tokenId, orgId, revokedAt: null, tokenEncrypted: null };
    const token = await tx.apiToken.findFirst({ where, select: { name: true, scopes: true } });
    const revoked = await tx.apiToken.updateMany({ where, data: { revokedAt: now() } });
    if (revoked.count === 0 || !token) throw new NotFoundError("API token");
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "api_token.revoke",
      targetType: "api_token",
      targetId: input.tokenId,
      details: { name: token.name, scopes: token.scopes },
    });
  });
}
