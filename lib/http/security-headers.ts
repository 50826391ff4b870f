// The console's response headers against framing, MIME sniffing, leaking URLs and injected
// scripts. proxy.ts sets the Content-Security-Policy with a fresh nonce per request (Next.js
// puts the nonce on its own scripts, read from the request's CSP header); next.config.js sets the
// static ones (static-security-headers.json) on every response, static files included.

// JSON so that next.config.js (plain JavaScript) reads the same list.
export { default as STATIC_SECURITY_HEADERS } from "./static-security-headers.json";

export const NONCE_HEADER = "x-nonce";

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced framework scripts load are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (chart widths) are inline styles; no script can run from them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
