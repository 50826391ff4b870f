// What the transport keeps of a receiver's answer. Plain constants with no imports, so the
// console and the docs can show the same figures the sender uses.

/** The first bytes of a response body that are stored (the "first 1 KB" of the article). */
export const MAX_STORED_BODY_BYTES = 1024;
