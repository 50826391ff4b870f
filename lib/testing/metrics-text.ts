// Tests and the bench: reading Prometheus's text format, as GET /metrics answers it.

/** The sum of the series of `name` that carry `labels`, 0 when none. */
export function sampleMetric(text: string, name: string, labels: Record<string, string> = {}): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(",") : [];
    if (want.every((w) => have.includes(w))) sum += Number(match[3]);
  }
  return sum;
}
