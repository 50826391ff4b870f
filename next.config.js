// Plain JavaScript: Node reads this file itself, so it can load JSON but not lib/'s TypeScript.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const staticSecurityHeaders = require("./lib/http/static-security-headers.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with WASM or native parts are loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg", "pino"],
  poweredByHeader: false,
  // Anti-framing, no MIME sniffing, no full URLs to other sites (lib/http/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
  // A separate build directory lets a benchmark or a second checkout build without touching .next.
  distDir: process.env.NOVAVMS_NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
