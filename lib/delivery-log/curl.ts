// A `curl` command that reproduces an attempt against a local receiver: the same headers (with
// the signatures as they were sent) and the same body bytes.

const SKIPPED = new Set(["content-length", "host", "connection"]);

export function buildCurlCommand(input: { url: string; headers: Record<string, string>; body: Buffer }): string {
  const lines = [`curl -X POST ${shellQuote(input.url)}`];
  for (const [name, value] of Object.entries(input.headers)) {
    if (!SKIPPED.has(name.toLowerCase())) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  lines.push(`--data-binary ${shellQuote(input.body.toString("utf8"))}`);
  return lines.join(" \\\n  ");
}

/** POSIX single quotes: nothing inside is interpreted; a ' becomes '\\''. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
