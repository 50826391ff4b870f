import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseKnownUnavailable } from "../db/availability";
import { STATIC_SECURITY_HEADERS } from "./security-headers";

// The console while the database is away: the web server answers console pages itself with a 503
// page that says so and retries by itself, instead of Next.js's generic error page. The API keeps
// its own 503 (database_unavailable, JSON); docs and static files need no database.

export const RETRY_AFTER_SECONDS = 5;

const NOT_GATED = [/^\/api\//, /^\/_next\//, /^\/docs(\/|$)/, /^\/favicon\.ico$/, /^\/metrics(\/|$)/];

/** A page of the console (GET/HEAD, not the API, docs or a static file). */
export function isConsolePage(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (url ?? "/").split("?")[0];
  return !NOT_GATED.some((pattern) => pattern.test(path));
}

/**
 * Answers a console page with the "database unavailable" page when the database is known to be
 * away; returns whether it answered (otherwise the request goes on to Next.js).
 */
export async function answerIfDatabaseUnavailable(request: IncomingMessage, response: ServerResponse) {
  if (!isConsolePage(request.method, request.url)) return false;
  if (!(await isDatabaseKnownUnavailable())) return false;
  const body = databaseUnavailablePage(request.url ?? "/");
  response.writeHead(503, {
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

/** The page: what is wrong, that it retries by itself, and a link to try now. No error details. */
export function databaseUnavailablePage(path: string): string {
  const target = escapeHtml(path.startsWith("/") && !path.startsWith("//") ? path : "/");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS};url=${target}">
<title>Database unavailable - NovaVMS Webhooks</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0}main{max-width:32rem;margin:4rem auto;padding:1.5rem;background:#fff;border:1px solid #fecaca;border-radius:.5rem}a{color:#1d4ed8}</style>
</head>
<body>
<main role="alert">
<h1>Database unavailable, retrying</h1>
<p>NovaVMS Webhooks cannot reach its database right now, so this page cannot be shown. Nothing you
saved is lost, and deliveries resume by themselves when the database is back.</p>
<p>This page tries again every ${RETRY_AFTER_SECONDS} seconds. <a href="${target}">Try again now</a></p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
