import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/passwords";
import { storeOperatorToken } from "../auth/operator-tokens";
import type { Db } from "../db/client";
import { newId } from "../ids";

export type OperatorSetup = {
  /** Set only when generated here: shown once, stored only hashed. */
  generatedToken?: string;
  /** Set when the operator's console account was created now. */
  accountEmail?: string;
  generatedPassword?: string;
};

/**
 * The platform's operator: its token (`NOVAVMS_OPERATOR_TOKEN`, kept up to date on every start,
 * or one generated when none exists) and its console account, made next to the first org's admin
 * when there is none. Runs after the first run, on upgrades too.
 */
export async function ensureOperator(
  db: Db,
  options: { token?: string; email?: string; password?: string } = {},
): Promise<OperatorSetup> {
  const setup: OperatorSetup = {};
  if (options.token) await storeOperatorToken(db, options.token);
  else if ((await db.prisma.operatorToken.count({ where: { revokedAt: null } })) === 0) {
    setup.generatedToken = await storeOperatorToken(db);
  }
  if ((await db.prisma.user.count({ where: { isOperator: true } })) > 0) return setup;
  const firstOrg = await db.prisma.org.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (!firstOrg) return setup;
  const email = (options.email ?? "operator@novavms.local").toLowerCase();
  if (await db.prisma.user.findUnique({ where: { email } })) {
    await db.prisma.user.update({ where: { email }, data: { isOperator: true } });
    return setup;
  }
  const password = options.password ?? randomBytes(12).toString("base64url");
  await db.prisma.user.create({
    data: {
      id: newId("usr"),
      orgId: firstOrg.id,
      email,
      name: "Operator",
      role: "admin",
      isOperator: true,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...setup, accountEmail: email, generatedPassword: options.password ? undefined : password };
}

/** What to print once about the operator, or null when nothing new was made. */
export function describeOperatorSetup(setup: OperatorSetup): string | null {
  const lines: string[] = [];
  if (setup.generatedToken) lines.push(`  Operator token:    ${setup.generatedToken}  (shown only now; kept hashed)`);
  if (setup.accountEmail) lines.push(`  Operator email:    ${setup.accountEmail}`);
  if (setup.generatedPassword) lines.push(`  Operator password: ${setup.generatedPassword}  (shown only now)`);
  return lines.length ? ["", "Platform operator:", ...lines].join("\n") + "\n" : null;
}
