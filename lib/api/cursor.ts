import { ValidationError } from "../errors";

// Opaque keyset cursors: the sort key and id of the last row of a page, base64url JSON. Keyset
// paging stays fast at any depth, where OFFSET would scan every skipped row.

export type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    // A year PostgreSQL cannot store, or a NUL in the id, would fail the query: refuse it here.
    const year = date.getUTCFullYear();
    if (typeof id !== "string" || Number.isNaN(date.getTime()) || year < 1 || year > 9999 || id.includes("\u0000")) {
      throw new Error("bad cursor");
    }
    return { at: date, id };
  } catch {
    throw new ValidationError("cursor: not a cursor returned by this API", {
      cursor: "not a cursor returned by this API",
    });
  }
}
