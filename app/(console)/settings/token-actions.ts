"use server";

import { revalidatePath } from "next/cache";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";
import { createNamedToken, revokeNamedToken } from "@/lib/org/named-tokens";
import { createNamedTokenSchema, revokeTokenSchema } from "@/lib/org/schemas";

/** Creates a named token with the ticked scopes; its value comes back once, in `value`. */
export async function createNamedTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formFields(formData, ["name"]);
  const parsed = createNamedTokenSchema.safeParse({ ...values, scopes: formData.getAll("scopes") });
  if (!parsed.success) return invalidInput(parsed.error, values);
  return asCaller(async (caller) => {
    const { token } = await createNamedToken(getAppContext(), caller, parsed.data);
    revalidatePath("/settings");
    return {
      status: "ok",
      message: `Token "${parsed.data.name}" created. Copy it now: it is not shown again.`,
      value: token,
    };
  }, values);
}

export async function revokeNamedTokenAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = revokeTokenSchema.safeParse(formFields(formData, ["tokenId"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asCaller(async (caller) => {
    await revokeNamedToken(getAppContext(), caller, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: "Token revoked: it no longer works." };
  });
}
