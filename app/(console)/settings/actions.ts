"use server";

import { revalidatePath } from "next/cache";
import { asCaller } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";
import { regenerateApiToken, revealApiToken } from "@/lib/org/api-token";
import { addMember } from "@/lib/org/add-member";
import { changeMemberRole } from "@/lib/org/change-member-role";
import { removeMember } from "@/lib/org/remove-member";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "@/lib/org/schemas";

// Every action: validate, then asCaller(): call lib/ as the signed-in user (lib/ refuses a viewer,
// shown inline), revalidate. The org never comes from the form: it is the caller's.

export async function revealApiTokenAction(): Promise<ActionState> {
  return asCaller(async (caller) => ({ status: "ok", value: await revealApiToken(getAppContext(), caller) }));
}

export async function regenerateApiTokenAction(): Promise<ActionState> {
  return asCaller(async (caller) => {
    const token = await regenerateApiToken(getAppContext(), caller);
    revalidatePath("/settings");
    return {
      status: "ok",
      message: "New API token created. The previous token no longer works: update your producers.",
      value: token,
    };
  });
}

export async function addMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw = formFields(formData, ["email", "name", "role", "password"]);
  const values = { email: raw.email, name: raw.name, role: raw.role };
  const parsed = addMemberSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(parsed.error, values);
  return asCaller(async (caller) => {
    await addMember(getAppContext(), caller, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: `Added ${parsed.data.email} as ${parsed.data.role}.` };
  }, values);
}

export async function changeMemberRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changeRoleSchema.safeParse(formFields(formData, ["userId", "role"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asCaller(async (caller) => {
    await changeMemberRole(getAppContext(), caller, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: `Role changed to ${parsed.data.role}.` };
  });
}

export async function removeMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = removeMemberSchema.safeParse(formFields(formData, ["userId"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asCaller(async (caller) => {
    await removeMember(getAppContext(), caller, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: "Member removed." };
  });
}
