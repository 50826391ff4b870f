import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The README's "Where things are" map must stay true: every path it names exists.

const readme = fs.readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("### Where things are"), readme.indexOf("### Migrations"));
const paths = [...section.matchAll(/`((?:lib|app|scripts|components)\/[^`]*)`/g)].map((m) => m[1]);

describe("the README's map of where things are", () => {
  it("names at least the article's behaviours", () => {
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });

  it.each(paths)("%s exists", (path) => {
    expect(fs.existsSync(path)).toBe(true);
  });
});
