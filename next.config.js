/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with WASM or native parts are loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg", "pino"],
  poweredByHeader: false,
};

module.exports = nextConfig;
