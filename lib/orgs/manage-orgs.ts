import { Prisma } from "@prisma/client";
import { recordAudit } from "../audit/record";
import type { AnyCaller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { decodeCursor, encodeCursor } from "../api/cursor";
import type { AppContext } from "../context";
import { ConflictError } from "../errors";
import { newId } from "../ids";
import { findOrgByRef } from "./find-org";
import { forgetOrgLimits } from "./limits";
import type { CreateOrgInput, OrgListQuery, UpdateOrgInput } from "./schemas";

// The platform's calls on organisations: each authorized for the operator (the policy table's
// org.* rows) before it touches anything.

/** A new, empty organisation (no users, no token: the platform acts for it with its operator token). */
export async function createOrg({ db }: Pick<AppContext, "db">, caller: AnyCaller, input: CreateOrgInput) {
  authorize(caller, "org.create");
  const id = newId("org");
  try {
    return await db.prisma.$transaction(async (tx) => {
      const org = await tx.org.create({
        data: {
          id,
          name: input.name,
          externalId: input.external_id ?? null,
          maxWebhooks: input.max_webhooks,
          eventsPerSecond: input.events_per_second ?? null,
        },
      });
      await recordAudit(tx, { orgId: id, actor: caller, action: "org.create", targetType: "org", targetId: id });
      return org;
    });
  } catch (error) {
    throw duplicateExternalId(error) ?? error;
  }
}

/** A page of organisations, newest first, optionally the one with an `external_id`. */
export async function listOrgs({ db }: Pick<AppContext, "db">, caller: AnyCaller, query: OrgListQuery) {
  authorize(caller, "org.list");
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.prisma.org.findMany({
    where: {
      ...(query.external_id !== undefined && { externalId: query.external_id }),
      ...(after && {
        OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const next_cursor = rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null;
  return { items, next_cursor };
}

/** One organisation by id or `ext:<external_id>`. */
export async function readOrg({ db }: Pick<AppContext, "db">, caller: AnyCaller, input: { ref: string }) {
  authorize(caller, "org.read");
  return findOrgByRef(db, input.ref);
}

/** Renames an organisation or changes its external id or limits. */
export async function updateOrg(
  { db }: Pick<AppContext, "db">,
  caller: AnyCaller,
  input: { ref: string; changes: UpdateOrgInput },
) {
  authorize(caller, "org.update");
  const { id } = await findOrgByRef(db, input.ref);
  const { changes } = input;
  try {
    const org = await db.prisma.$transaction(async (tx) => {
      const updated = await tx.org.update({
        where: { id },
        data: {
          name: changes.name,
          externalId: changes.external_id,
          maxWebhooks: changes.max_webhooks,
          eventsPerSecond: changes.events_per_second,
        },
      });
      await recordAudit(tx, {
        orgId: id,
        actor: caller,
        action: "org.update",
        targetType: "org",
        targetId: id,
        details: changes as Prisma.InputJsonObject,
      });
      return updated;
    });
    forgetOrgLimits(id);
    return org;
  } catch (error) {
    throw duplicateExternalId(error) ?? error;
  }
}

function duplicateExternalId(error: unknown): ConflictError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return new ConflictError("Another organisation already has this external_id.");
  }
  return null;
}
