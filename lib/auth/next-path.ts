// Where to go after signing in. Only a path on this site is accepted: `//evil.example`,
// `/\evil.example` and absolute URLs would send a freshly signed-in user to another origin.

export const DEFAULT_AFTER_SIGN_IN = "/deliveries";

/** The request path proxy.ts forwards to console pages (server components cannot read it). */
export const PATH_HEADER = "x-novavms-path";

export function safeNextPath(next: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return fallback;
  // Browsers treat a backslash like a slash, and strip tabs and newlines, so "/\t/evil" is "//evil".
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = "http://novavms.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Never bounce back to the sign-in page itself.
  if (url.pathname === "/sign-in") return fallback;
  return url.pathname + url.search + url.hash;
}
