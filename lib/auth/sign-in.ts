import { recordAudit } from "../audit/record";
import { userCaller } from "./caller";
import type { Db } from "../db/client";
import {
  accountDelayMs,
  checkLoginThrottle,
  clearLoginFailures,
  LOGIN_THROTTLE,
  recordLoginFailure,
  throttleKeys,
} from "./login-throttle";
import { hashPassword, verifyPassword } from "./passwords";
import { createSession, deleteExpiredSessions, type NewSession } from "./sessions";

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

export type SignInInput = { email: string; password: string; clientAddress: string | null };
export type SignInResult = ({ ok: true } & NewSession) | { ok: false; message: string };

/**
 * Checks the password and starts a session. One message for an unknown email and a wrong
 * password, and a password hash computed either way, so neither the text nor the time of the
 * answer tells which emails have accounts.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
  options: {
    sessionHours: number;
    now?: Date;
    policy?: typeof LOGIN_THROTTLE;
    /** Waits out the account's slowdown (a timer; tests record it instead). */
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.clientAddress);

  const throttle = await checkLoginThrottle(db, keys, now);
  if (throttle.blocked) return { ok: false, message: throttle.message };
  const delayMs = await accountDelayMs(db, email, now, options.policy);
  if (delayMs > 0) await (options.sleep ?? sleep)(delayMs);

  const user = await db.prisma.user.findUnique({
    where: { email },
    select: { id: true, orgId: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !valid) {
    const after = await recordLoginFailure(db, keys, now, options.policy);
    return { ok: false, message: after.blocked ? after.message : WRONG_CREDENTIALS };
  }

  await clearLoginFailures(db, email);
  await deleteExpiredSessions(db, now);
  const session = await createSession(db, user.id, { now, hours: options.sessionHours });
  await recordAudit(db.prisma, {
    orgId: user.orgId,
    actor: userCaller(user),
    action: "user.sign_in",
    targetType: "user",
    targetId: user.id,
    details: { address: input.clientAddress },
  });
  return { ok: true, ...session };
}

let dummy: Promise<string> | undefined;

/** A real Argon2id hash to verify against when the email is unknown (same cost as a real one). */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-password-of-anyone");
  return dummy;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
