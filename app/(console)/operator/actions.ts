"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireOperator } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { closeOrgInSession, openOrgInSession } from "@/lib/operator/open-org";

const openSchema = z.object({ orgId: z.string().min(1).max(64), as: z.enum(["viewer", "admin"]) });

/** Opens an org's console: read-only, or as admin (the explicit, audited step). */
export async function openOrgAction(formData: FormData): Promise<void> {
  const { sessionToken, caller } = await requireOperator();
  const input = openSchema.parse({ orgId: formData.get("orgId"), as: formData.get("as") });
  await openOrgInSession(getAppContext(), caller, { sessionToken, ...input });
  // The whole console changes org: the layout (org name, banner) is rendered anew, not kept.
  revalidatePath("/", "layout");
  redirect("/deliveries");
}

/** Leaves the org that is open and goes back to the list of organisations. */
export async function closeOrgAction(): Promise<void> {
  const { sessionToken } = await requireOperator();
  await closeOrgInSession(getAppContext(), { sessionToken });
  revalidatePath("/", "layout");
  redirect("/operator");
}
