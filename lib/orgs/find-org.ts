import type { Org } from "@prisma/client";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";

/** The prefix of an org reference that names the platform's own id instead of ours. */
export const EXTERNAL_ID_PREFIX = "ext:";

/** The org an `{id}` path segment names: our id, or `ext:<external_id>`; 404 when there is none. */
export async function findOrgByRef(db: Db, ref: string): Promise<Org> {
  const where = ref.startsWith(EXTERNAL_ID_PREFIX) ? { externalId: ref.slice(EXTERNAL_ID_PREFIX.length) } : { id: ref };
  const org = await db.prisma.org.findFirst({ where });
  if (!org) throw new NotFoundError("Organisation");
  return org;
}
