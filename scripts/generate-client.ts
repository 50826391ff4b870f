import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateClientTypes } from "../clients/typescript/generate";

// Regenerates clients/typescript/schema.d.ts from the API's OpenAPI document. `--check` fails
// when the committed file is out of date instead of writing it.
const target = path.resolve(import.meta.dirname, "../clients/typescript/schema.d.ts");
void main();

async function main() {
  const generated = await generateClientTypes();
  if (process.argv.includes("--check")) {
    if (readFileSync(target, "utf8") !== generated) {
      console.error("clients/typescript/schema.d.ts is out of date: run `npm run client:generate`");
      process.exit(1);
    }
    console.log("clients/typescript/schema.d.ts is up to date");
  } else {
    writeFileSync(target, generated);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}
