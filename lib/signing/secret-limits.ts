/**
 * Previous secrets that may still sign at once. Each valid secret adds a signature to every
 * delivery's headers; 200 rotations made a 14 KB header that receivers refused (431). A rotation
 * beyond this ends the oldest one's grace period early; the Signing tab says so.
 */
export const MAX_PREVIOUS_SECRETS = 5;
