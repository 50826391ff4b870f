// The Signing tab shows which secret is current without showing the secret: enough to match it
// against the one a receiver is configured with (the last characters), never enough to use it.

const PREFIX = "whsec_";
const SHOWN = 4;
const BULLETS = "•".repeat(12);

/** `whsec_••••••••••••AbC=`: the prefix and the last 4 characters of a signing secret. */
export function maskSecret(secret: string): string {
  const prefix = secret.startsWith(PREFIX) ? PREFIX : "";
  const rest = secret.slice(prefix.length);
  // A secret too short to hide anything behind the mask shows no characters at all.
  const tail = rest.length > SHOWN * 2 ? rest.slice(-SHOWN) : "";
  return `${prefix}${BULLETS}${tail}`;
}
