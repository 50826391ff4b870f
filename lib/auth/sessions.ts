import type { Role } from "@prisma/client";
import type { Db } from "../db/client";
import { newId } from "../ids";
import { generateToken, hashToken } from "./tokens";

// Console sessions: the browser holds a random 256-bit token in an httpOnly cookie; the database
// holds only its SHA-256, so a leaked database or backup cannot be replayed as a cookie. Expiry is
// absolute (config.sessionHours from sign-in): a stolen cookie stops working at a known time.

export const SESSION_COOKIE = "novavms_session";
const SESSION_TOKEN_PREFIX = "nvs";
// Writing last_seen_at on every page view would turn every read into a write; once a few minutes
// is enough to tell an active session from an idle one.
const LAST_SEEN_GRANULARITY_MS = 5 * 60_000;

/** Who is signed in, as every console page and action sees it. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  /** A platform operator's account (may open the operator view). */
  isOperator: boolean;
  /** Set while an operator has another org open: `orgId`/`role` above are that org's. */
  actingInOrg: boolean;
};

export type NewSession = { token: string; expiresAt: Date };

/** Starts a session for the user: the returned token goes into the cookie and nowhere else. */
export async function createSession(
  db: Db,
  userId: string,
  options: { now?: Date; hours: number },
): Promise<NewSession> {
  const now = options.now ?? new Date();
  const token = generateToken(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + options.hours * 3_600_000);
  await db.prisma.session.create({
    data: {
      id: newId("ses", now.getTime()),
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The signed-in user of a cookie token, or null when the token is missing, unknown or expired. */
export async function findSessionUser(
  db: Db,
  token: string | undefined,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      actingOrgId: true,
      actingRole: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          orgId: true,
          isOperator: true,
          org: { select: { name: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await db.prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  const signedIn = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgName: user.org.name,
    isOperator: user.isOperator,
    actingInOrg: false,
  };
  if (!user.isOperator || !session.actingOrgId) return signedIn;
  const acting = await db.prisma.org.findUnique({ where: { id: session.actingOrgId }, select: { name: true } });
  if (!acting) return signedIn;
  // An operator with an org open is, there, a viewer unless they took the audited admin step.
  return {
    ...signedIn,
    orgId: session.actingOrgId,
    orgName: acting.name,
    role: session.actingRole ?? "viewer",
    actingInOrg: true,
  };
}

/** Signs out: the row goes, so the cookie is worthless even if it was copied. */
export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Housekeeping run on sign-in, so expired rows do not pile up. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** The cookie attributes for a session token; `secure` when the console is served over https. */
export function sessionCookieOptions(expiresAt: Date, secure: boolean) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure, expires: expiresAt } as const;
}
