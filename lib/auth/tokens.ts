import { createHash, randomBytes } from "node:crypto";

/** A random bearer credential: `<prefix>_<43 chars of base64url>` (256 bits). */
export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** What the database keeps of a bearer credential: enough to look it up, useless to present. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
