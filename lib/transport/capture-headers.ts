// Response headers are stored with every attempt and shown in the console, and a receiver controls
// how many it sends and how long they are: keep a bounded, readable subset.

export const MAX_STORED_HEADERS = 50;
export const MAX_STORED_HEADER_BYTES = 8 * 1024;

export type RawHeaders = Record<string, string | string[] | undefined>;

/**
 * Lower-case names, repeated values joined with ", ", at most MAX_STORED_HEADERS headers and
 * MAX_STORED_HEADER_BYTES of names and values together; the value that crosses the budget is cut
 * and the headers after it are dropped.
 */
export function captureHeaders(raw: RawHeaders): Record<string, string> {
  const stored: Record<string, string> = {};
  let budget = MAX_STORED_HEADER_BYTES;
  let count = 0;
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (count === MAX_STORED_HEADERS || budget <= name.length) break;
    const lowerName = name.toLowerCase();
    const joined = Array.isArray(value) ? value.join(", ") : value;
    const kept = joined.slice(0, budget - lowerName.length);
    stored[lowerName] = lowerName in stored ? `${stored[lowerName]}, ${kept}` : kept;
    budget -= lowerName.length + kept.length;
    count += 1;
  }
  return stored;
}
