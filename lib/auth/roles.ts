import type { Role } from "@prisma/client";
import { ForbiddenError } from "../errors";

/** The part of a signed-in user that authorization looks at. */
export type Actor = { id: string; orgId: string; role: Role };

/** Admins may change things; viewers may only read. Throws ForbiddenError for anyone else. */
export function assertAdmin<T extends Actor>(actor: T): T {
  if (actor.role !== "admin") throw new ForbiddenError("Only admins can do this. Your role is viewer.");
  return actor;
}
