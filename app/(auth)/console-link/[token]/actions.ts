"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isHttpsRequest } from "@/lib/auth/request-meta";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/sessions";
import { redeemConsoleLink } from "@/lib/console-links/redeem-link";
import { getAppContext } from "@/lib/context";
import type { ActionState } from "@/lib/forms/action-state";

const tokenSchema = z.string().min(1).max(200);

/** Signs in with a one-time console link and lands on the delivery log. */
export async function redeemConsoleLinkAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { status: "error", message: "This sign-in link is not valid." };
  const { config, db } = getAppContext();
  const result = await redeemConsoleLink(db, token.data, { sessionHours: config.sessionHours });
  if (!result.ok) return { status: "error", message: result.message };
  (await cookies()).set(
    SESSION_COOKIE,
    result.token,
    sessionCookieOptions(result.expiresAt, isHttpsRequest(await headers())),
  );
  redirect("/deliveries");
}
