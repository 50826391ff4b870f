import type { Prisma } from "@prisma/client";

/**
 * Serialises changes to one org's members and API token until the transaction ends, so two
 * admins demoting each other at once cannot leave the org without an admin, and two regenerations
 * cannot leave two live tokens.
 */
export async function lockOrg(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM orgs WHERE id = ${orgId} FOR UPDATE`;
}
