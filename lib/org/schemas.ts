import { z } from "zod";
import { TOKEN_SCOPES } from "../auth/token-scopes";

// Form input of the Settings page, validated in the server actions before anything else runs.

const role = z.enum(["admin", "viewer"], { message: "Choose admin or viewer." });
const userId = z.string().trim().min(1, "Missing member id.").max(64);

export const addMemberSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address.").max(254, "That email is too long.")),
  name: z.string().trim().max(100, "Keep the name under 100 characters.").default(""),
  role,
  password: z.string().min(8, "Use at least 8 characters.").max(1024, "That password is too long."),
});

export const changeRoleSchema = z.object({ userId, role });
export const removeMemberSchema = z.object({ userId });

export type AddMemberInput = z.infer<typeof addMemberSchema>;
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

/** A named API token: a name to recognise it by and at least one scope (`all`, or narrower ones). */
export const createNamedTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "Keep the name under 100 characters."),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { message: "Choose scopes from the list." }))
    .min(1, "Choose at least one scope.")
    .transform((scopes) => [...new Set(scopes)].sort()),
});
export const revokeTokenSchema = z.object({ tokenId: z.string().trim().min(1, "Missing token id.").max(64) });

export type CreateNamedTokenInput = z.infer<typeof createNamedTokenSchema>;
