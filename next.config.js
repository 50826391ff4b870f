/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with WASM or native parts are loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg", "pino"],
  poweredByHeader: false,
  // A separate build directory lets a benchmark or a second checkout build without touching .next.
  distDir: process.env.NOVAVMS_NEXT_DIST_DIR || ".next",
};

module.exports = nextConfig;
