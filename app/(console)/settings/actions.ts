"use server";

import { revalidatePath } from "next/cache";
import { asAdmin } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { formFields, invalidInput, type ActionState } from "@/lib/forms/action-state";
import { regenerateApiToken, revealApiToken } from "@/lib/org/api-token";
import { addMember, changeMemberRole, removeMember } from "@/lib/org/members";
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from "@/lib/org/schemas";

// Every action: validate, then asAdmin() (a viewer gets an inline refusal): call lib/ with the
// admin's own org, revalidate. The org never comes from the form.

export async function revealApiTokenAction(): Promise<ActionState> {
  return asAdmin(async (admin) => ({ status: "ok", value: await revealApiToken(getAppContext(), admin) }));
}

export async function regenerateApiTokenAction(): Promise<ActionState> {
  return asAdmin(async (admin) => {
    const token = await regenerateApiToken(getAppContext(), admin);
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
  return asAdmin(async (admin) => {
    await addMember(getAppContext().db, admin, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: `Added ${parsed.data.email} as ${parsed.data.role}.` };
  }, values);
}

export async function changeMemberRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = changeRoleSchema.safeParse(formFields(formData, ["userId", "role"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asAdmin(async (admin) => {
    await changeMemberRole(getAppContext().db, admin, parsed.data);
    revalidatePath("/settings");
    return { status: "ok", message: `Role changed to ${parsed.data.role}.` };
  });
}

export async function removeMemberAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = removeMemberSchema.safeParse(formFields(formData, ["userId"]));
  if (!parsed.success) return invalidInput(parsed.error);
  return asAdmin(async (admin) => {
    await removeMember(getAppContext().db, admin, parsed.data.userId);
    revalidatePath("/settings");
    return { status: "ok", message: "Member removed." };
  });
}
