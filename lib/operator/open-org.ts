import { recordAudit } from "../audit/record";
import type { PlatformCaller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { hashToken } from "../auth/tokens";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";

// The operator's console session on a customer's org: opened read-only (as a viewer), raised to
// admin only by an explicit step that the org's audit log records.

/** Opens `orgId` in the operator's session, read-only, or `as: "admin"` (audited in that org). */
export async function openOrgInSession(
  { db }: Pick<AppContext, "db">,
  caller: PlatformCaller,
  input: { sessionToken: string; orgId: string; as: "viewer" | "admin" },
): Promise<void> {
  authorize(caller, "org.read");
  await db.prisma.$transaction(async (tx) => {
    const org = await tx.org.findUnique({ where: { id: input.orgId }, select: { id: true } });
    if (!org) throw new NotFoundError("Organisation");
    const { count } = await tx.session.updateMany({
      where: { tokenHash: hashToken(input.sessionToken), user: { isOperator: true } },
      data: { actingOrgId: org.id, actingRole: input.as },
    });
    if (count === 0) throw new NotFoundError("Session");
    await recordAudit(tx, {
      orgId: org.id,
      actor: caller,
      action: input.as === "admin" ? "operator.act_as_admin" : "operator.open_read_only",
      targetType: "org",
      targetId: org.id,
    });
  });
}

/** Back to the operator's own view: the session acts in no other org. */
export async function closeOrgInSession({ db }: Pick<AppContext, "db">, input: { sessionToken: string }) {
  await db.prisma.session.updateMany({
    where: { tokenHash: hashToken(input.sessionToken) },
    data: { actingOrgId: null, actingRole: null },
  });
}
