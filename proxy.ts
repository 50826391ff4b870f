import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "./lib/auth/next-path";

// Tells console pages which path was asked for (server components cannot read it otherwise), so
// requireUser() can send a signed-out visitor to /sign-in?next=<that path>. Authorization itself
// happens in the pages and actions, against the database.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/webhooks/:path*", "/deliveries/:path*", "/settings/:path*", "/operator/:path*"],
};
