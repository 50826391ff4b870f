// What the sign-in needs to know about the HTTP request, from its headers. The web server
// (scripts/web.ts, lib/http/forwarded.ts) has already replaced forwarding headers a client could
// have chosen: x-forwarded-for holds the one client address, x-forwarded-proto comes from a
// trusted proxy or from Next.js (the socket's own scheme).

/**
 * The client's address for throttling. The right-most x-forwarded-for entry is the one added by
 * the proxy nearest to us (or by Next.js from the socket), so a client cannot choose it by
 * sending the header itself when a proxy appends to it.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last ?? headers.get("x-real-ip") ?? null;
}

/**
 * Whether the browser reached us over https, so the session cookie must be `Secure`: the
 * configured public URL says so, or the request came over https (directly or via a trusted proxy).
 */
export function isHttpsRequest(headers: Headers, publicUrl?: string): boolean {
  if (publicUrl?.startsWith("https:")) return true;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}
