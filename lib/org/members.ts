import { Prisma, type Role } from "@prisma/client";
import { hashPassword } from "../auth/passwords";
import { assertAdmin, type Actor } from "../auth/roles";
import type { Db } from "../db/client";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { newId } from "../ids";
import { recordAudit } from "../audit/record";
import { lockOrg } from "./lock";
import type { AddMemberInput, ChangeRoleInput } from "./schemas";

// Member management for admins. The org always comes from the actor (never from the form) and is
// part of every WHERE clause, so an id from another org matches nothing.

export const EMAIL_TAKEN = "A user with this email already exists.";
export const LAST_ADMIN = "An organisation needs at least one admin: make someone else an admin first.";

export async function addMember(db: Db, actor: Actor, input: AddMemberInput): Promise<{ id: string }> {
  assertAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  const id = newId("usr");
  try {
    await db.prisma.$transaction(async (tx) => {
      await lockOrg(tx, actor.orgId);
      await assertStillAdmin(tx, actor);
      await tx.user.create({
        data: { id, orgId: actor.orgId, email: input.email, name: input.name, role: input.role, passwordHash },
      });
      await recordAudit(tx, {
        orgId: actor.orgId,
        actor: `user:${actor.id}`,
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

export async function changeMemberRole(db: Db, actor: Actor, input: ChangeRoleInput): Promise<void> {
  assertAdmin(actor);
  await db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, actor.orgId);
    await assertStillAdmin(tx, actor);
    if (input.role !== "admin") await assertAnotherAdmin(tx, actor.orgId, input.userId);
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, orgId: actor.orgId },
      data: { role: input.role },
    });
    if (count === 0) throw new NotFoundError("Member");
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: `user:${actor.id}`,
      action: "member.role_change",
      targetType: "user",
      targetId: input.userId,
      details: { role: input.role },
    });
  });
}

export async function removeMember(db: Db, actor: Actor, userId: string): Promise<void> {
  assertAdmin(actor);
  await db.prisma.$transaction(async (tx) => {
    await lockOrg(tx, actor.orgId);
    await assertStillAdmin(tx, actor);
    await assertAnotherAdmin(tx, actor.orgId, userId);
    // Sessions go with the user (ON DELETE CASCADE): a removed member is signed out everywhere.
    const { count } = await tx.user.deleteMany({ where: { id: userId, orgId: actor.orgId } });
    if (count === 0) throw new NotFoundError("Member");
    await recordAudit(tx, {
      orgId: actor.orgId,
      actor: `user:${actor.id}`,
      action: "member.remove",
      targetType: "user",
      targetId: userId,
    });
  });
}

/** The session said admin; the row must still say so under the lock (a concurrent demotion). */
async function assertStillAdmin(tx: Prisma.TransactionClient, actor: Actor): Promise<void> {
  const admin = await tx.user.count({ where: { id: actor.id, orgId: actor.orgId, role: "admin" satisfies Role } });
  if (admin === 0) throw new ForbiddenError("Only admins can do this. Your role is viewer.");
}

/** Refuses a change that would leave the org without an admin once `userId` stops being one. */
async function assertAnotherAdmin(tx: Prisma.TransactionClient, orgId: string, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { orgId, role: "admin", id: { not: userId } } });
  if (others === 0) throw new ConflictError(LAST_ADMIN);
}
