import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods } from "./lib/api/allowed-methods";
import { PATH_HEADER } from "./lib/auth/next-path";
import { newApiRequestId } from "./lib/api/request-id";
import { NONCE_HEADER, contentSecurityPolicy, newNonce } from "./lib/http/security-headers";

// Runs before every route except static files:
// - a path that is not valid percent-encoded UTF-8 is a 400 here (Next.js would answer a plain 500);
// - an API path asked with a method it does not take is a 405 in the API's error shape;
// - pages get a Content-Security-Policy with a fresh nonce, which Next.js puts on its scripts;
// - console pages learn which path was asked for (server components cannot read it otherwise), so
//   requireUser() can send a signed-out visitor to /sign-in?next=<that path>. Authorization
//   itself happens in the pages and actions, against the database.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isDecodable(pathname)) {
    return errorJsonOrText(isApi, 400, "invalid_request", "The path is not valid UTF-8 percent-encoding.");
  }
  if (isApi) {
    const allowed = allowedMethods(pathname);
    if (allowed && !allowed.includes(request.method)) {
      const response = errorJsonOrText(
        true,
        405,
        "method_not_allowed",
        `${request.method} is not allowed here; use ${allowed.join(", ")}.`,
      );
      response.headers.set("Allow", allowed.join(", "));
      return response;
    }
    return NextResponse.next();
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function errorJsonOrText(json: boolean, status: number, code: string, message: string): NextResponse {
  const requestId = newApiRequestId();
  if (!json) return new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain" } });
  return NextResponse.json(
    { error: { code, message, request_id: requestId } },
    { status, headers: { "X-Request-Id": requestId } },
  );
}
