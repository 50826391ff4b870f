"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/next-path";
import { clientAddressFrom, isHttpsRequest } from "@/lib/auth/request-meta";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254, "That email is too long."),
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  next: z.string().max(2048).optional(),
});

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formFields(formData, ["email", "password", "next"]);
  const values = { email: raw.email };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, values, "Enter your email and password.");

  const { config, db } = getAppContext();
  const requestHeaders = await headers();
  const result = await signIn(
    db,
    { email: parsed.data.email, password: parsed.data.password, clientAddress: clientAddressFrom(requestHeaders) },
    { sessionHours: config.sessionHours },
  );
  if (!result.ok) return { status: "error", message: result.message, values };

  (await cookies()).set(
    SESSION_COOKIE,
    result.token,
    sessionCookieOptions(result.expiresAt, isHttpsRequest(requestHeaders, config.publicUrl)),
  );
  redirect(safeNextPath(parsed.data.next));
}
