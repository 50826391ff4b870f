// Its own module (no Node.js imports): the webhook schemas use it, and client components import
// those schemas' constants.

/** "90s", "1m", "1h", "500ms" → milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text);
  if (!match) return null;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "ms"];
  return Math.round(Number(match[1]) * unit);
}
