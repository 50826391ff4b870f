// What the sign-in needs to know about the HTTP request, from its headers (Next.js fills in
// x-forwarded-for and x-forwarded-proto itself when no proxy in front of it did).

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

/** Whether the browser reached us over https, so the session cookie can be `secure`. */
export function isHttpsRequest(headers: Headers): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}
