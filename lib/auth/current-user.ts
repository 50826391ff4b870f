import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAppContext } from "../context";
import { failed, type ActionState } from "../forms/action-state";
import { platformCaller, userCaller, type Caller, type PlatformCaller } from "./caller";
import { PATH_HEADER } from "./next-path";
import { readPageSession } from "./page-session";
import { SESSION_COOKIE, type SessionUser } from "./sessions";

// The console's view of "who is asking", from the session cookie. Every page and server action
// calls one of these itself: layouts are not re-rendered on client-side navigation, so a check in
// the layout alone would not protect a page.

/**
 * The signed-in user, or null. Cached per request, so several callers cost one query. When the
 * database is unreachable (the first query of every console page is this one) the page is asked
 * for again, and the web server answers it with the "database unavailable" page (503).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = await readPageSession(getAppContext().db, token);
  if (session === "database_unavailable") redirect((await headers()).get(PATH_HEADER) ?? "/");
  return session.user;
});

/** The signed-in user; a signed-out visitor is redirected to `/sign-in?next=<this page>`. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get(PATH_HEADER);
  redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
}

/** The signed-in user as the `Caller` that `lib/` authorizes (redirects when signed out). */
export async function requireCaller(): Promise<Caller> {
  return userCaller(await requireUser());
}

/**
 * A server action's body, run for the signed-in user: `lib/` decides from the policy table whether
 * they may (a viewer's call, a forged one too, gets the inline refusal), and any domain error
 * becomes the action's error state with the form's `values` kept. Redirects (signed out, or
 * `act`'s own) and programmer errors go through.
 */
export async function asCaller<T>(
  act: (caller: Caller) => Promise<T>,
  values?: Record<string, string>,
): Promise<T | ActionState> {
  try {
    return await act(await requireCaller());
  } catch (error) {
    return failed(error, values);
  }
}

/**
 * The signed-in platform operator as the platform caller of the operator view; anyone else is
 * sent to the delivery log. Their audit name is `operator:<user id>`.
 */
export async function requireOperator(): Promise<{ caller: PlatformCaller; sessionToken: string }> {
  const user = await requireUser();
  if (!user.isOperator) redirect("/deliveries");
  const sessionToken = (await cookies()).get(SESSION_COOKIE)!.value;
  return { caller: platformCaller(user.id), sessionToken };
}
