// Where the built-in sandbox receiver lives, and the test that lets a delivery reach it although
// it is on loopback: the exact origin the server was started on, and only the sandbox's paths.
// The origin is a literal loopback address, so no DNS lookup is involved, and redirects are
// never followed, so a sandbox URL cannot lead anywhere else.

export const SANDBOX_PATH_PREFIX = "/api/sandbox/";

export function sandboxOriginFor(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function isSandboxUrl(url: URL, sandboxOrigin: string | null | undefined): boolean {
  if (!sandboxOrigin) return false;
  return url.origin === sandboxOrigin && url.pathname.startsWith(SANDBOX_PATH_PREFIX);
}
