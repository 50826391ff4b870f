import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "next.config.js", "package.json", "postcss.config.mjs", "proxy.ts"];

/** Runs `next build` when there is no build, or when a source file is newer than it. */
export function ensureBuilt(root = process.cwd()): void {
  const buildId = path.join(root, process.env.NOVAVMS_NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt)) return;
  console.log(
    builtAt
      ? "Sources changed since the last build: rebuilding the console…"
      : "Building the console (first start only)…",
  );
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("`next build` failed; see the output above");
}

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((max, entry) => Math.max(max, newestMtime(path.join(file, entry))), stat.mtimeMs);
}
