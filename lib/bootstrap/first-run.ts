import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { createApiToken } from "../auth/api-tokens";
import { hashPassword } from "../auth/passwords";
import type { Cipher } from "../crypto/encryption";
import type { Db } from "../db/client";
import { newId } from "../ids";

export type FirstRunOptions = {
  adminEmail?: string;
  adminPassword?: string;
  apiToken?: string;
  /** Extra setup inside the same transaction, e.g. demo webhooks. */
  seed?: (tx: Prisma.TransactionClient, orgId: string) => Promise<void>;
};

export type FirstRunResult =
  | { created: false }
  | {
      created: true;
      orgId: string;
      adminEmail: string;
      /** Set only when generated here: shown once, never stored in clear. */
      generatedPassword?: string;
      generatedApiToken?: string;
    };

const BOOTSTRAP_LOCK_KEY = 7_461_202_612;

/**
 * On an empty database: one org, its admin and its API token, from the given values or generated.
 * Does nothing when any org exists, so restarts keep what is there.
 */
export async function runFirstRun(db: Db, cipher: Cipher, options: FirstRunOptions = {}): Promise<FirstRunResult> {
  const generatedPassword = options.adminPassword ? undefined : randomBytes(12).toString("base64url");
  // Hash outside the transaction: Argon2 takes a while and the lock should not.
  const passwordHash = await hashPassword(options.adminPassword ?? generatedPassword!);
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY}::bigint)`;
    if ((await tx.org.count()) > 0) return { created: false } as const;
    const orgId = newId("org");
    const adminEmail = (options.adminEmail ?? "admin@novavms.local").toLowerCase();
    await tx.org.create({ data: { id: orgId, name: "NovaVMS" } });
    await tx.user.create({
      data: { id: newId("usr"), orgId, email: adminEmail, name: "Admin", passwordHash, role: "admin" },
    });
    const apiToken = await createApiToken(tx, cipher, orgId, options.apiToken);
    await tx.auditLog.create({
      data: { id: newId("aud"), orgId, actor: "system", action: "org.bootstrap", targetType: "org", targetId: orgId },
    });
    await options.seed?.(tx, orgId);
    return {
      created: true,
      orgId,
      adminEmail,
      generatedPassword,
      generatedApiToken: options.apiToken ? undefined : apiToken,
    } as const;
  });
}
