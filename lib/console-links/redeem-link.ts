import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record";
import { userCaller } from "../auth/caller";
import { hashPassword } from "../auth/passwords";
import { createSession, type NewSession } from "../auth/sessions";
import { hashToken } from "../auth/tokens";
import type { Db } from "../db/client";
import { newId } from "../ids";

export type RedeemResult = ({ ok: true } & NewSession) | { ok: false; message: string };

export const LINK_REFUSED = "This sign-in link has expired or was already used. Ask for a new one.";

/**
 * Signs in with a console link: marks it used (one statement, so two clicks cannot both win),
 * creates its user in the org on first use (with an unusable password: they sign in by link, or
 * an admin sets one), and starts a session. An expired, used or unknown link gets one message.
 */
export async function redeemConsoleLink(
  db: Db,
  token: string,
  options: { sessionHours: number; now?: Date },
): Promise<RedeemResult> {
  const now = options.now ?? new Date();
  const { rows } = await db.pool.query<{ org_id: string; email: string; role: "admin" | "viewer" }>(
    `UPDATE console_links SET used_at = $2
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
      RETURNING org_id, email, role`,
    [hashToken(token), now],
  );
  const link = rows[0];
  if (!link) return { ok: false, message: LINK_REFUSED };
  const existing = await db.prisma.user.findUnique({ where: { email: link.email } });
  if (existing && existing.orgId !== link.org_id) {
    return { ok: false, message: "This email belongs to a user of another organisation." };
  }
  const user =
    existing ??
    (await db.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          id: newId("usr"),
          orgId: link.org_id,
          email: link.email,
          name: "",
          role: link.role,
          passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
        },
      });
      await recordAudit(tx, {
        orgId: link.org_id,
        actor: userCaller(created),
        action: "member.add_by_console_link",
        targetType: "user",
        targetId: created.id,
        details: { role: link.role },
      });
      return created;
    }));
  const session = await createSession(db, user.id, { now, hours: options.sessionHours });
  return { ok: true, ...session };
}
