/** NOVAVMS_AUTO_DISABLE_AFTER's default: five days of nothing but failed attempts. */
export const DEFAULT_AUTO_DISABLE_MS = 5 * 86_400_000;

/** The console's banner shows for an endpoint failing longer than this. */
export const FAILING_BANNER_AFTER_MS = 3_600_000;
