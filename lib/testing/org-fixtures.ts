import type { Role } from "@prisma/client";
import { createApiToken, createNamedApiToken } from "../auth/api-tokens";
import { tokenCaller, userCaller, type Caller, type UserCaller } from "../auth/caller";
import type { TokenScope } from "../auth/token-scopes";
import { hashPassword } from "../auth/passwords";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { newId } from "../ids";

// Test-only: an org of its own per test, so tests sharing one database never see each other.

export type TestUser = { id: string; orgId: string; email: string; role: Role; password: string };

let hashed: Promise<string> | undefined;
const PASSWORD = "correct horse battery";

export async function createTestOrg(
  db: Db,
  cipher: Cipher,
  name = "Test org",
): Promise<{ orgId: string; apiToken: string }> {
  const orgId = newId("org");
  await db.prisma.org.create({ data: { id: orgId, name } });
  const apiToken = await db.prisma.$transaction((tx) => createApiToken(tx, cipher, orgId));
  return { orgId, apiToken };
}

/** A user whose password is always "correct horse battery" (hashed once per test file). */
export async function createTestUser(
  db: Db,
  orgId: string,
  role: Role,
  email = `${newId("u")}@example.test`,
): Promise<TestUser> {
  hashed ??= hashPassword(PASSWORD);
  const id = newId("usr");
  await db.prisma.user.create({ data: { id, orgId, email, role, name: role, passwordHash: await hashed } });
  return { id, orgId, email, role, password: PASSWORD };
}

/** A user of `orgId` that is also its `Caller`, for the lib/ functions that act. */
export async function createTestCaller(db: Db, orgId: string, role: Role): Promise<TestUser & UserCaller> {
  const user = await createTestUser(db, orgId, role);
  return { ...user, ...userCaller(user) };
}

/** A new org with one admin, as its `Caller`. */
export async function createOrgAdmin(db: Db, cipher: Cipher): Promise<TestUser & UserCaller> {
  const { orgId } = await createTestOrg(db, cipher);
  return createTestCaller(db, orgId, "admin");
}

/** A named token of `orgId` with only `scopes`: its value for the API and its `Caller` for lib/. */
export async function createScopedToken(
  db: Db,
  orgId: string,
  scopes: TokenScope[],
): Promise<{ id: string; token: string; caller: Caller }> {
  const created = await db.prisma.$transaction((tx) =>
    createNamedApiToken(tx, orgId, { name: `test ${scopes.join(" ")}`, scopes }),
  );
  return { id: created.id, token: created.token, caller: tokenCaller({ tokenId: created.id, orgId, scopes }) };
}
