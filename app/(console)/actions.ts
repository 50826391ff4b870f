"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { getAppContext } from "@/lib/context";

/** Signs out: deletes the session row, clears the cookie, back to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await deleteSession(getAppContext().db, jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
