import { Prisma } from "@prisma/client";
import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { hashPassword } from "../auth/passwords";
import { authorize } from "../auth/policy";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { newId } from "../ids";
import { lockOrg } from "./lock";
import { assertStillAdmin, EMAIL_TAKEN } from "./member-guards";
import type { AddMemberInput } from "./schemas";

/** A new member of the caller's org (never another org: the org comes from the caller). */
export async function addMember(
  { db }: Pick<AppContext, "db">,
  caller: Caller,
  input: AddMemberInput,
): Promise<{ id: string }> {
  const { orgId } = authorize(caller, "member.add");
  const passwordHash = await hashPassword(input.password);
  const id = newId("usr");
  try {
    await db.prisma.$transaction(async (tx) => {
      await lockOrg(tx, orgId);
      await assertStillAdmin(tx, caller);
      await tx.user.create({
        data: { id, orgId, email: input.email, name: input.name, role: input.role, passwordHash },
      });
      await recordAudit(tx, {
        orgId,
        actor: caller,
        action: "member.add",
        targetType: "user",
        targetId: id,
        details: { email: input.email, role: input.role },
      });
    });
  } catch (error) {
    // Emails are unique across every org: one account, one org.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", EMAIL_TAKEN, 409, { email: EMAIL_TAKEN });
    }
    throw error;
  }
  return { id };
}
