import type { Prisma, Role } from "@prisma/client";
import type { Caller } from "../auth/caller";
import { ConflictError, ForbiddenError } from "../errors";

// Checks that member changes make under the org's lock (lockOrg), so two admins acting at once
// cannot leave the org without an admin.

export const EMAIL_TAKEN = "A user with this email already exists.";
export const LAST_ADMIN = "An organisation needs at least one admin: make someone else an admin first.";

/** The session said admin; the row must still say so under the lock (a concurrent demotion). */
export async function assertStillAdmin(tx: Prisma.TransactionClient, caller: Caller): Promise<void> {
  if (caller.kind !== "user") return;
  const admin = await tx.user.count({ where: { id: caller.id, orgId: caller.orgId, role: "admin" satisfies Role } });
  if (admin === 0) throw new ForbiddenError("Only admins can do this. Your role is viewer.");
}

/** Refuses a change that would leave the org without an admin once `userId` stops being one. */
export async function assertAnotherAdmin(tx: Prisma.TransactionClient, orgId: string, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { orgId, role: "admin", id: { not: userId } } });
  if (others === 0) throw new ConflictError(LAST_ADMIN);
}
