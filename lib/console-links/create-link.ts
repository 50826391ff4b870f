import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Caller } from "../auth/caller";
import { authorize } from "../auth/policy";
import { generateToken, hashToken } from "../auth/tokens";
import type { AppContext } from "../context";
import { newId } from "../ids";

/** A console link's life when the call does not say: long enough to click, short enough to leak. */
export const CONSOLE_LINK_DEFAULT_SECONDS = 15 * 60;
export const CONSOLE_LINK_MAX_SECONDS = 24 * 3_600;
const CONSOLE_LINK_PREFIX = "nvcl";

/** Where a console link is redeemed: `/console-link/<token>`. */
export const CONSOLE_LINK_PATH = "/console-link";

export const createConsoleLinkInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("expected an email address").max(254, "at most 254 characters")),
  role: z.enum(["admin", "viewer"], "expected admin or viewer"),
  expires_in: z
    .number("expected a number of seconds")
    .int("expected a whole number of seconds")
    .min(30, "at least 30 seconds")
    .max(CONSOLE_LINK_MAX_SECONDS, `at most ${CONSOLE_LINK_MAX_SECONDS} seconds`)
    .default(CONSOLE_LINK_DEFAULT_SECONDS),
});

export type CreateConsoleLinkInput = z.infer<typeof createConsoleLinkInput>;

/**
 * A one-time sign-in link into the caller's org for `email` with `role`. Only the token's hash is
 * stored: the URL is shown once, in this answer.
 */
export async function createConsoleLink(
  { db, now }: Pick<AppContext, "db" | "now">,
  caller: Caller,
  input: CreateConsoleLinkInput & { baseUrl: string },
): Promise<{ url: string; expires_at: string }> {
  const { orgId } = authorize(caller, "console_link.create");
  const token = generateToken(CONSOLE_LINK_PREFIX);
  const expiresAt = new Date(now().getTime() + input.expires_in * 1000);
  const id = newId("cl");
  // Emails are unique case-insensitively, as at sign-in.
  const email = input.email.trim().toLowerCase();
  await db.prisma.$transaction(async (tx) => {
    await tx.consoleLink.create({
      data: { id, orgId, tokenHash: hashToken(token), email, role: input.role, expiresAt },
    });
    await recordAudit(tx, {
      orgId,
      actor: caller,
      action: "console_link.create",
      targetType: "console_link",
      targetId: id,
      details: { email, role: input.role, expires_at: expiresAt.toISOString() },
    });
  });
  const url = new URL(`${CONSOLE_LINK_PATH}/${token}`, input.baseUrl).toString();
  return { url, expires_at: expiresAt.toISOString() };
}
